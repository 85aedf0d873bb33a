/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-structure-page.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cyd.h"
#include "cyd-mapping-dialog.h"
#include "cyd-org-chart-view.h"
#include "cyd-post-details.h"
#include "cyd-post-dialog.h"
#include "cyd-ui-closures.h"

/* Rows of the metrics grid, in the order of the .ui (row 0 is headings). */
enum {
  ROW_POSTS = 1,
  ROW_HEADCOUNT,
  ROW_STAFF_FTE,
  ROW_ESTABLISHMENT_COST,
  ROW_STAFF_COST,
  ROW_MANAGERS,
  ROW_LAYERS,
  ROW_SPAN,
};

/* Rows of the details grid, in the order of the .ui. */
enum {
  DETAIL_CODE,
  DETAIL_TITLE,
  DETAIL_OTHER_TITLE,
  DETAIL_DIRECTORATE,
  DETAIL_SERVICE_LINE,
  DETAIL_REPORTS_TO,
  DETAIL_DOTTED,
  DETAIL_GRADE,
  DETAIL_FTE,
  DETAIL_COST,
  DETAIL_ESTABLISHED,
  DETAIL_STATUS,
  DETAIL_HOLDERS,
  DETAIL_MAPPING,
};

struct _CydStructurePage
{
  AdwBin        parent_instance;

  CydStore     *store;
  char         *as_at;
  gulong        changed_id;
  GPtrArray    *structures;
  gint64        selected_post;
  GCancellable *loading;
  gboolean      stale;

  /* Template widgets */
  GtkLabel     *headline_label;
  GtkLabel     *dates_label;
  GtkGrid      *metrics_grid;
  GtkLabel     *spans_label;
  GtkBox       *trees_box;
  GtkListView  *at_risk_view;
  GtkListView  *unmapped_view;
  GtkListView  *no_source_view;
  GtkLabel     *at_risk_label;
  GtkLabel     *unmapped_label;
  GtkLabel     *no_source_label;
  GtkDropDown  *chart_directorate;
  GtkStringList *directorate_names;
  GtkButton    *zoom_button;
  CydOrgChartView *chart_view;
  GtkWidget    *details_placeholder;
  GtkWidget    *details_content;
  GtkLabel     *details_heading;
  GtkGrid      *details_grid;
  GtkLabel     *other_title_key;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_AS_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CydStructurePage, cyd_structure_page, ADW_TYPE_BIN)

static char *
format_signed (gint64   value,
               gboolean money)
{
  g_autofree char *magnitude = money ? cyd_money_format (ABS (value)) : g_strdup_printf ("%" G_GINT64_FORMAT, ABS (value));

  if (value == 0)
    return g_steal_pointer (&magnitude);
  return g_strdup_printf ("%s%s", value < 0 ? "−" : "+", magnitude);
}

static void
set_cell (CydStructurePage *self,
          int               column,
          int               row,
          const char       *text)
{
  GtkWidget *label = gtk_grid_get_child_at (self->metrics_grid, column, row);

  gtk_label_set_label (GTK_LABEL (label), text);
}

static void
fill_column (CydStructurePage          *self,
             int                        column,
             const CydStructureMetrics *m,
             gboolean                   difference)
{
  g_autofree char *posts = difference ? format_signed (m->posts, FALSE) : g_strdup_printf ("%" G_GINT64_FORMAT, m->posts);
  g_autofree char *heads = difference ? format_signed (m->headcount, FALSE) : g_strdup_printf ("%" G_GINT64_FORMAT, m->headcount);
  g_autofree char *fte = cyd_fte_format (ABS (m->staff_fte));
  g_autofree char *fte_signed = g_strdup_printf ("%s%s", m->staff_fte < 0 ? "−" : "", fte);
  g_autofree char *est = difference ? format_signed (m->establishment_cost, TRUE) : cyd_money_format (m->establishment_cost);
  g_autofree char *cost = difference ? format_signed (m->staff_cost, TRUE) : cyd_money_format (m->staff_cost);
  g_autofree char *managers = difference ? format_signed (m->managers, FALSE) : g_strdup_printf ("%" G_GINT64_FORMAT, m->managers);
  g_autofree char *layers = difference ? format_signed (m->layers, FALSE) : g_strdup_printf ("%" G_GINT64_FORMAT, m->layers);
  g_autofree char *span = g_strdup_printf ("%s%" G_GINT64_FORMAT "%s", m->span_median_x2 < 0 ? "−" : "",
                                           ABS (m->span_median_x2) / 2, ABS (m->span_median_x2) % 2 ? ".5" : "");

  set_cell (self, column, ROW_POSTS, posts);
  set_cell (self, column, ROW_HEADCOUNT, heads);
  set_cell (self, column, ROW_STAFF_FTE, fte_signed);
  set_cell (self, column, ROW_ESTABLISHMENT_COST, est);
  set_cell (self, column, ROW_STAFF_COST, cost);
  set_cell (self, column, ROW_MANAGERS, managers);
  set_cell (self, column, ROW_LAYERS, layers);
  set_cell (self, column, ROW_SPAN, span);
}

static char *
describe_managers (gint64 diff)
{
  guint n = (guint) ABS (diff);

  if (diff == 0)
    return g_strdup (_("as many managers"));
  if (diff < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u fewer manager", "%u fewer managers", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more manager", "%u more managers", n), n);
}

static char *
describe_layers (gint64 diff)
{
  guint n = (guint) ABS (diff);

  if (diff == 0)
    return g_strdup (_("as many layers"));
  if (diff < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u fewer layer", "%u fewer layers", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more layer", "%u more layers", n), n);
}

static char *
build_headline (const CydStructureComparison *cmp)
{
  const CydStructureMetrics *d = &cmp->difference;
  g_autofree char *money = cyd_money_format (ABS (d->establishment_cost));
  g_autofree char *managers = describe_managers (d->managers);
  g_autofree char *layers = describe_layers (d->layers);
  g_autofree char *cost = NULL;

  if (d->establishment_cost < 0)
    /* Translators: %s is an amount of money the merged structure saves a year. */
    cost = g_strdup_printf (_("%s a year less"), money);
  else if (d->establishment_cost > 0)
    /* Translators: %s is an amount of money the merged structure costs more a year. */
    cost = g_strdup_printf (_("%s a year more"), money);
  else
    cost = g_strdup (_("the same cost"));

  /* Translators: e.g. "29 fewer managers, 1 fewer layer, £2,654,047.96 a year less". */
  return g_strdup_printf (_("%s, %s, %s"), managers, layers, cost);
}

static void
show_spans (CydStructurePage             *self,
            const CydStructureComparison *cmp)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_string_append_printf (s, "<b>%s</b>\n", _("Spans of control (managers by direct reports)"));
  for (guint b = 0; b < CYD_N_SPAN_BANDS; b++)
    g_string_append_printf (s, "%-5s  %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT "\n",
                            cyd_span_band_label (b), cmp->legacy.span_bands[b], cmp->merged.span_bands[b]);
  gtk_label_set_markup (self->spans_label, s->str);
}

static void
show_comparison (CydStructurePage             *self,
                 const CydStructureComparison *cmp)
{
  g_autofree char *headline = build_headline (cmp);
  g_autofree char *legacy_date = cyd_date_format (cmp->legacy_as_at);
  g_autofree char *merged_date = cyd_date_format (cmp->merged_as_at);
  g_autofree char *dates = NULL;

  dates = g_strdup_printf (_("The legacy structures together as at %s against the merged structure as at %s"),
                           legacy_date, merged_date);
  gtk_label_set_label (self->headline_label, headline);
  gtk_label_set_label (self->dates_label, dates);
  fill_column (self, 1, &cmp->legacy, FALSE);
  fill_column (self, 2, &cmp->merged, FALSE);
  fill_column (self, 3, &cmp->difference, TRUE);
  show_spans (self, cmp);
}

/* Shows @model in @view; returns how many rows it has. */
static guint
show_list (GtkListView *view,
           GListModel  *model)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (model != NULL)
    selection = gtk_no_selection_new (g_object_ref (model));
  gtk_list_view_set_model (view, GTK_SELECTION_MODEL (selection));
  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

static void
set_count (GtkLabel   *label,
           const char *format,
           guint       n)
{
  g_autofree char *text = g_strdup_printf (format, n);

  gtk_label_set_label (label, text);
}

static void
show_lists (CydStructurePage *self,
            GListModel       *at_risk,
            GListModel       *unmapped,
            GListModel       *no_source)
{
  guint n;

  n = show_list (self->at_risk_view, at_risk);
  set_count (self->at_risk_label,
             g_dngettext (GETTEXT_PACKAGE, "%u person at risk", "%u people at risk", n), n);
  n = show_list (self->unmapped_view, unmapped);
  set_count (self->unmapped_label,
             g_dngettext (GETTEXT_PACKAGE, "%u legacy post not yet mapped", "%u legacy posts not yet mapped", n), n);
  n = show_list (self->no_source_view, no_source);
  set_count (self->no_source_label,
             g_dngettext (GETTEXT_PACKAGE, "%u merged post with no legacy source",
                          "%u merged posts with no legacy source", n), n);
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  CydStructure *structure = user_data;
  int index = cyd_structure_find_post (structure, g_ascii_strtoll (gtk_string_object_get_string (item), NULL, 10));
  const CydStructurePost *post = cyd_structure_get_post (structure, index);
  GListStore *children;

  if (post->first_child < 0)
    return NULL;
  children = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  for (int i = post->first_child; i >= 0; i = cyd_structure_get_post (structure, i)->next_sibling)
    {
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, cyd_structure_get_post (structure, i)->id);
      g_autoptr(GtkStringObject) child = gtk_string_object_new (key);

      g_list_store_append (children, child);
    }
  return G_LIST_MODEL (children);
}

static void
on_tree_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (item, expander);
}

static char *
describe_post (const CydStructurePost *post)
{
  g_autofree char *fte = cyd_fte_format (post->fte);
  const char *holders = post->holders != NULL ? post->holders : C_("post", "Vacant");

  /* Translators: a post in the structure tree: title, holders, grade, FTE. */
  return g_strdup_printf (_("%s — %s (%s, %s FTE)"), post->title, holders,
                          post->grade != NULL ? post->grade : "–", fte);
}

static void
on_tree_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CydStructure             *structure)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkStringObject *object = gtk_tree_list_row_get_item (row);
  gint64 id = g_ascii_strtoll (gtk_string_object_get_string (object), NULL, 10);
  const CydStructurePost *post = cyd_structure_get_post (structure, cyd_structure_find_post (structure, id));
  g_autofree char *text = describe_post (post);
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, post->code);
  if (post->n_holders == 0)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  g_object_unref (object);
}

static void select_post (CydStructurePage *self,
                         gint64            post_id);

static void
on_tree_selected (GtkSingleSelection *selection,
                  GParamSpec         *pspec,
                  CydStructurePage   *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr(GtkStringObject) object = NULL;

  if (row == NULL)
    return;
  object = gtk_tree_list_row_get_item (row);
  select_post (self, g_ascii_strtoll (gtk_string_object_get_string (object), NULL, 10));
}

/* A structure with no posts at the date says so, rather than show an
 * empty list: a legacy directorate after the merger, say. */
static GtkWidget *
build_empty_tree (CydStructurePage *self)
{
  g_autofree char *date = cyd_date_format (self->as_at);
  /* Translators: %s is a date; said in a structure with no posts then,
   * such as a legacy directorate after the merger */
  g_autofree char *text = g_strdup_printf (_("No posts as at %s"), date);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  return label;
}

static GtkWidget *
build_tree_view (CydStructurePage *self,
                 CydStructure     *structure)
{
  GtkSingleSelection *selection;
  g_autoptr(GListStore) roots = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  GtkTreeListModel *tree;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  for (guint i = 0; i < cyd_structure_get_n_posts (structure); i++)
    if (cyd_structure_get_post (structure, i)->parent < 0)
      {
        g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, cyd_structure_get_post (structure, i)->id);
        g_autoptr(GtkStringObject) root = gtk_string_object_new (key);
        g_list_store_append (roots, root);
      }
  tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&roots)), FALSE, FALSE,
                                  create_children, g_object_ref (structure), g_object_unref);
  g_signal_connect (factory, "setup", G_CALLBACK (on_tree_setup), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (on_tree_bind), g_object_ref (structure),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  selection = gtk_single_selection_new (G_LIST_MODEL (tree));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (selection, "notify::selected-item", G_CALLBACK (on_tree_selected), self, 0);
  return gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
}

static GtkWidget *
build_tree (CydStructurePage *self,
            CydStructure     *structure)
{
  GtkWidget *scrolled, *box, *title;

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled),
                                 cyd_structure_get_n_posts (structure) > 0
                                 ? build_tree_view (self, structure)
                                 : build_empty_tree (self));
  gtk_widget_set_vexpand (scrolled, TRUE);
  title = gtk_label_new (cyd_structure_get_name (structure));
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (title, cyd_structure_get_name (structure));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_widget_add_css_class (box, "card");
  return box;
}

static void
show_trees (CydStructurePage *self)
{
  GPtrArray *structures = self->structures;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->trees_box))) != NULL)
    gtk_box_remove (self->trees_box, child);
  for (guint i = 0; structures != NULL && i < structures->len; i++)
    gtk_box_append (self->trees_box, build_tree (self, structures->pdata[i]));
}

/* The chart: the directorate chosen, by default the merged one (the last). */
static void
show_chart (CydStructurePage *self)
{
  guint n = self->structures != NULL ? self->structures->len : 0;
  guint chosen = gtk_drop_down_get_selected (self->chart_directorate);
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->directorate_names));
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (n, NULL, TRUE);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, (gpointer) cyd_structure_get_name (self->structures->pdata[i]));
  if (chosen == GTK_INVALID_LIST_POSITION || chosen >= n || old_n != n)
    chosen = n > 0 ? n - 1 : GTK_INVALID_LIST_POSITION;
  g_signal_handlers_block_matched (self->chart_directorate, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_string_list_splice (self->directorate_names, 0, old_n, (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->chart_directorate, chosen);
  g_signal_handlers_unblock_matched (self->chart_directorate, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  cyd_org_chart_view_set_structure (self->chart_view, chosen < n ? self->structures->pdata[chosen] : NULL);
  cyd_org_chart_view_set_selected (self->chart_view, self->selected_post);
}

static void
set_detail (CydStructurePage *self,
            int               row,
            const char       *text)
{
  GtkWidget *label = gtk_grid_get_child_at (self->details_grid, 1, row);

  gtk_label_set_label (GTK_LABEL (label), text != NULL && *text != '\0' ? text : "–");
}

static char *
describe_holders (const CydPostDetails *d)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < d->holders->len; i++)
    {
      const CydPostHolder *holder = d->holders->pdata[i];
      g_autofree char *fte = cyd_fte_format (holder->fte);

      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: a holder of a post and the FTE they hold it for. */
      g_string_append_printf (text, _("%s (%s FTE)"), holder->name, fte);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_mapping (const CydPostDetails *d)
{
  g_autofree char *date = NULL;

  if (!d->legacy)
    return g_strdup (_("Merged post (not mapped)"));
  if (d->mapping_method == NULL)
    return g_strdup (_("Not yet mapped"));
  date = cyd_date_format (d->mapping_effective);
  /* Translators: a mapping: its method, the merged post, the date it takes effect. */
  return g_strdup_printf (_("%s to %s from %s"), d->mapping_label,
                          d->mapping_target, date);
}

static char *
describe_established (const CydPostDetails *d)
{
  g_autofree char *from = d->established_from != NULL ? cyd_date_format (d->established_from) : NULL;
  g_autofree char *to = d->established_to != NULL ? cyd_date_format (d->established_to) : NULL;

  if (from == NULL && to == NULL)
    return g_strdup (_("Always"));
  if (to == NULL)
    /* Translators: a post established from a date, with no end. */
    return g_strdup_printf (_("From %s"), from);
  if (from == NULL)
    /* Translators: a post established until a date. */
    return g_strdup_printf (_("Until %s"), to);
  /* Translators: a post established from one date to another. */
  return g_strdup_printf (_("%s to %s"), from, to);
}

static void
fill_details (CydStructurePage     *self,
              const CydPostDetails *d)
{
  gboolean welsh = g_str_equal (cyd_ui_language (), "cy");
  g_autofree char *fte = cyd_fte_format (d->fte);
  g_autofree char *cost = d->has_cost ? cyd_money_format (d->cost) : NULL;
  g_autofree char *established = describe_established (d);
  g_autofree char *holders = describe_holders (d);
  g_autofree char *mapping = describe_mapping (d);
  const char *status = !d->established ? _("Not established at this date")
                       : d->holders->len == 0 ? C_("post", "Vacant") : C_("post", "Filled");

  gtk_label_set_label (self->details_heading, d->title);
  gtk_label_set_label (self->other_title_key, welsh ? _("Title in English") : _("Title in Welsh"));
  set_detail (self, DETAIL_CODE, d->code);
  set_detail (self, DETAIL_TITLE, d->title);
  set_detail (self, DETAIL_OTHER_TITLE, d->other_title != NULL ? d->other_title : _("Missing (a gap to fill)"));
  set_detail (self, DETAIL_DIRECTORATE, d->directorate);
  set_detail (self, DETAIL_SERVICE_LINE, d->service_line);
  set_detail (self, DETAIL_REPORTS_TO, d->reports_to);
  set_detail (self, DETAIL_DOTTED, d->dotted);
  set_detail (self, DETAIL_GRADE, d->grade);
  set_detail (self, DETAIL_FTE, fte);
  set_detail (self, DETAIL_COST, cost);
  set_detail (self, DETAIL_ESTABLISHED, established);
  set_detail (self, DETAIL_STATUS, status);
  set_detail (self, DETAIL_HOLDERS, holders);
  set_detail (self, DETAIL_MAPPING, mapping);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "structure.map-post", d->legacy);
}

static void
show_details (CydStructurePage *self)
{
  g_autoptr(CydPostDetails) details = NULL;

  if (self->selected_post != 0 && self->store != NULL && self->as_at != NULL)
    details = cyd_post_details_load (self->store, self->selected_post, self->as_at, NULL);
  gtk_widget_set_visible (self->details_placeholder, details == NULL);
  gtk_widget_set_visible (self->details_content, details != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "structure.edit-post", details != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "structure.map-post", FALSE);
  if (details != NULL)
    fill_details (self, details);
}

static void
select_post (CydStructurePage *self,
             gint64            post_id)
{
  if (post_id == self->selected_post)
    return;
  self->selected_post = post_id;
  show_details (self);
  cyd_org_chart_view_set_selected (self->chart_view, post_id);
}

static void
on_chart_directorate_selected (CydStructurePage *self)
{
  guint chosen = gtk_drop_down_get_selected (self->chart_directorate);

  if (self->structures != NULL && chosen < self->structures->len)
    cyd_org_chart_view_set_structure (self->chart_view, self->structures->pdata[chosen]);
}

static void
on_chart_view_selected (CydStructurePage *self)
{
  gint64 id = cyd_org_chart_view_get_selected (self->chart_view);

  if (id != 0)
    select_post (self, id);
}

static void
open_post_dialog (CydStructurePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CydPostDialog *dialog;

  if (self->store == NULL || self->selected_post == 0)
    return;
  dialog = cyd_post_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                self->selected_post, self->as_at);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chart_view_post_activated (CydStructurePage *self,
                              gint64            post_id)
{
  select_post (self, post_id);
  open_post_dialog (self);
}

static void
on_chart_view_zoom (CydStructurePage *self)
{
  g_autofree char *label = g_strdup_printf ("%d %%", (int) (cyd_org_chart_view_get_zoom (self->chart_view) * 100 + 0.5));

  gtk_button_set_label (self->zoom_button, label);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CydStructurePage *self = CYD_STRUCTURE_PAGE (widget);
  double zoom = cyd_org_chart_view_get_zoom (self->chart_view);

  if (g_str_equal (action_name, "structure.zoom-in"))
    zoom *= 1.25;
  else if (g_str_equal (action_name, "structure.zoom-out"))
    zoom /= 1.25;
  else
    zoom = 1.0;
  cyd_org_chart_view_set_zoom (self->chart_view, zoom);
}

static void
edit_post_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_post_dialog (CYD_STRUCTURE_PAGE (widget));
}

static void
map_post_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CydStructurePage *self = CYD_STRUCTURE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  CydMappingDialog *dialog;

  if (self->store == NULL || self->selected_post == 0 || !cyd_post_is_legacy (self->store, self->selected_post))
    return;
  dialog = cyd_mapping_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                   self->selected_post, self->as_at);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Everything the page shows at a date, read in a worker thread. */
typedef struct {
  GPtrArray              *structures;
  CydStructureComparison  comparison;
  char                   *comparison_error;
  GListModel             *at_risk;
  GListModel             *unmapped;
  GListModel             *no_source;
} PageData;

static void
page_data_free (PageData *data)
{
  g_clear_pointer (&data->structures, g_ptr_array_unref);
  g_free (data->comparison_error);
  g_clear_object (&data->at_risk);
  g_clear_object (&data->unmapped);
  g_clear_object (&data->no_source);
  g_free (data);
}

static gpointer
read_page_data (CydStore      *store,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  const char *as_at = user_data;
  PageData *data = g_new0 (PageData, 1);
  g_autoptr(GError) comparison_error = NULL;

  data->structures = cyd_structure_load_all (store, as_at, error);
  if (data->structures == NULL)
    {
      page_data_free (data);
      return NULL;
    }
  if (!cyd_structure_compare (store, as_at, &data->comparison, &comparison_error))
    data->comparison_error = g_strdup (comparison_error->message);
  data->at_risk = cyd_structure_list_at_risk (store, as_at, NULL);
  data->unmapped = cyd_structure_list_unmapped (store, as_at, NULL);
  data->no_source = cyd_structure_list_no_source (store, as_at, NULL);
  return data;
}

static void
on_page_data_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CydStructurePage) self = user_data;
  g_autoptr(GError) error = NULL;
  PageData *data = cyd_store_read_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "loading");
  if (data == NULL)
    {
      gtk_label_set_label (self->headline_label, error->message);
      return;
    }

  g_clear_pointer (&self->structures, g_ptr_array_unref);
  self->structures = g_steal_pointer (&data->structures);
  if (data->comparison_error != NULL)
    gtk_label_set_label (self->headline_label, data->comparison_error);
  else
    show_comparison (self, &data->comparison);
  show_trees (self);
  show_chart (self);
  show_details (self);
  show_lists (self, data->at_risk, data->unmapped, data->no_source);
  page_data_free (data);
}

/* The page reads its figures only while it is shown, and never on the
 * window's thread: a large programme takes a moment. */
static void
refresh (CydStructurePage *self)
{
  if (self->store == NULL || self->as_at == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  self->stale = FALSE;
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  if (self->structures == NULL)
    gtk_label_set_label (self->headline_label, _("Working out the structures…"));
  gtk_widget_add_css_class (GTK_WIDGET (self), "loading");
  cyd_store_read_async (self->store, read_page_data, g_strdup (self->as_at), g_free,
                        (GDestroyNotify) page_data_free, self->loading,
                        on_page_data_read, g_object_ref (self));
}

static void
cyd_structure_page_map (GtkWidget *widget)
{
  CydStructurePage *self = CYD_STRUCTURE_PAGE (widget);

  GTK_WIDGET_CLASS (cyd_structure_page_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

/* Whether the page is waiting for its figures. */
gboolean
cyd_structure_page_is_loading (CydStructurePage *self)
{
  g_return_val_if_fail (CYD_IS_STRUCTURE_PAGE (self), FALSE);

  return self->loading != NULL || self->stale;
}

static void
cyd_structure_page_dispose (GObject *object)
{
  CydStructurePage *self = CYD_STRUCTURE_PAGE (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->store);
  g_clear_pointer (&self->structures, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYD_TYPE_STRUCTURE_PAGE);

  G_OBJECT_CLASS (cyd_structure_page_parent_class)->dispose (object);
}

static void
cyd_structure_page_finalize (GObject *object)
{
  g_free (CYD_STRUCTURE_PAGE (object)->as_at);

  G_OBJECT_CLASS (cyd_structure_page_parent_class)->finalize (object);
}

static void
cyd_structure_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CydStructurePage *self = CYD_STRUCTURE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_AS_AT:
      g_value_set_string (value, self->as_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_structure_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CydStructurePage *self = CYD_STRUCTURE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cyd_structure_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_AS_AT:
      cyd_structure_page_set_as_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_structure_page_class_init (CydStructurePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cyd_structure_page_dispose;
  object_class->finalize = cyd_structure_page_finalize;
  object_class->get_property = cyd_structure_page_get_property;
  object_class->set_property = cyd_structure_page_set_property;
  widget_class->map = cyd_structure_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CYD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AS_AT] =
    g_param_spec_string ("as-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-structure-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, headline_label);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, dates_label);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, metrics_grid);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, spans_label);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, trees_box);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, at_risk_view);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, unmapped_view);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, no_source_view);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, at_risk_label);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, unmapped_label);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, no_source_label);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, chart_directorate);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, directorate_names);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, details_placeholder);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, details_content);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, details_heading);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, details_grid);
  gtk_widget_class_bind_template_child (widget_class, CydStructurePage, other_title_key);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_directorate_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_view_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_view_post_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_view_zoom);
  gtk_widget_class_install_action (widget_class, "structure.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "structure.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "structure.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "structure.edit-post", NULL, edit_post_action);
  gtk_widget_class_install_action (widget_class, "structure.map-post", NULL, map_post_action);
  cyd_ui_closures_add_to_class (widget_class);
}

static void
cyd_structure_page_init (CydStructurePage *self)
{
  g_type_ensure (CYD_TYPE_ORG_CHART_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  on_chart_view_zoom (self);
  show_details (self);
}

CydStore *
cyd_structure_page_get_store (CydStructurePage *self)
{
  g_return_val_if_fail (CYD_IS_STRUCTURE_PAGE (self), NULL);

  return self->store;
}

void
cyd_structure_page_set_store (CydStructurePage *self,
                              CydStore         *store)
{
  g_return_if_fail (CYD_IS_STRUCTURE_PAGE (self));
  g_return_if_fail (store == NULL || CYD_IS_STORE (store));

  if (store == self->store)
    return;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (refresh),
                                                self, G_CONNECT_SWAPPED);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
cyd_structure_page_set_as_at (CydStructurePage *self,
                              const char       *as_at)
{
  g_return_if_fail (CYD_IS_STRUCTURE_PAGE (self));

  if (as_at == NULL || !cyd_date_is_valid_iso (as_at) || g_strcmp0 (as_at, self->as_at) == 0)
    return;

  g_free (self->as_at);
  self->as_at = g_strdup (as_at);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_AT]);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-application.h"

#include <glib/gi18n.h>

#include "cyd.h"
#include "cyd-error-dialog.h"
#include "cyd-files.h"
#include "cyd-language.h"
#include "cyd-preferences-window.h"
#include "cyd-window.h"

#define MAX_RECENT_FILES 10
#define RESOURCE_PATH    "/cymru/cyd/Cyd"

struct _CydApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GCancellable   *cancellable;
  guint           language_idle_id;
};

G_DEFINE_FINAL_TYPE (CydApplication, cyd_application, ADW_TYPE_APPLICATION)

/* What a worker thread does before a window can show a file. */
typedef enum {
  OPEN_EXISTING,   /* open (or upgrade) the file the user chose */
  OPEN_DEMO,       /* open the demo copy, filling it from the bundled XML */
  OPEN_NEW,        /* replace whatever is at the path with an empty programme */
} OpenMode;

typedef struct {
  GFile    *file;
  OpenMode  mode;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_clear_object (&job->file);
  g_free (job);
}

static char *
find_demo_xml (void)
{
  const char *env = g_getenv ("CYD_DEMO_XML");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "demo", "demo.xml", NULL);

  /* An explicit override wins, then the installed copy, then the source
   * tree (running from the build directory). */
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&installed);
  return g_strdup (SOURCE_DEMO);
}

static gboolean
fill_demo (CydStore      *store,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *xml_path = NULL;
  g_autoptr(GFile) xml = NULL;
  g_autoptr(CydImporter) importer = NULL;

  /* An earlier attempt may have left the copy empty: fill it again. */
  if (cyd_store_count (store, CYD_KIND_DIRECTORATE) > 0)
    return TRUE;

  xml_path = find_demo_xml ();
  xml = g_file_new_for_path (xml_path);
  importer = cyd_importer_new (store);

  return cyd_importer_import_file (importer, xml, cancellable, error);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  g_autoptr(CydStore) store = NULL;
  GError *error = NULL;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Cyd can only open files on this computer or on a mounted network share."));
      return;
    }

  if (job->mode == OPEN_NEW && !cyd_files_make_room (job->file, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (job->mode == OPEN_DEMO)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      g_mkdir_with_parents (dir, 0700);
    }

  store = cyd_store_open (path, &error);
  if (store == NULL
      || (job->mode == OPEN_DEMO && !fill_demo (store, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

static void
show_open_error (CydApplication *self,
                 GFile          *file,
                 const GError   *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

  cyd_error_dialog_show (GTK_APPLICATION (self),
                         gtk_application_get_active_window (GTK_APPLICATION (self)),
                         heading, error->message);
}

static void
on_open_ready (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CydApplication *self = CYD_APPLICATION (source_object);
  OpenJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(CydStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = g_task_propagate_pointer (G_TASK (result), &error);
  if (store == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_open_error (self, job->file, error);
    }
  else
    {
      gtk_window_present (GTK_WINDOW (cyd_window_new (GTK_APPLICATION (self), store)));
    }

  g_application_release (G_APPLICATION (self));
}

static void
open_file (CydApplication *self,
           GFile          *file,
           OpenMode        mode)
{
  g_autoptr(GTask) task = NULL;
  OpenJob *job = g_new0 (OpenJob, 1);

  job->file = g_object_ref (file);
  job->mode = mode;

  /* Keep running while the file opens, even with no window yet. */
  g_application_hold (G_APPLICATION (self));

  task = g_task_new (self, self->cancellable, on_open_ready, NULL);
  g_task_set_source_tag (task, open_file);
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  g_task_run_in_thread (task, open_thread);
}

static GtkWindow *
find_window_for_file (CydApplication *self,
                      GFile          *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (CYD_IS_WINDOW (l->data) && cyd_window_shows_file (l->data, file))
        return l->data;
    }

  return NULL;
}

static void
remember_recent_file (CydApplication *self,
                      GFile          *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_FILES; i++)
    {
      if (g_strcmp0 (old[i], uri) != 0)
        {
          g_strv_builder_add (builder, old[i]);
          n++;
        }
    }

  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static void
on_window_drawn (GdkFrameClock *clock,
                 CydWindow     *window)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (window));
  g_autoptr(GFile) file = NULL;

  g_signal_handlers_disconnect_by_func (clock, on_window_drawn, window);
  if (application == NULL)
    return;

  file = g_file_new_for_path (cyd_store_get_path (cyd_window_get_store (window)));
  remember_recent_file (CYD_APPLICATION (application), file);
}

static void
on_window_mapped (GtkWidget *window)
{
  g_signal_handlers_disconnect_by_func (window, on_window_mapped, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_window_drawn), window, 0);
}

/* Remembering a file reads and writes the desktop's list of recent files,
 * which can be long: it waits until the window has shown the programme. */
static void
on_window_added (GtkApplication *application,
                 GtkWindow      *window)
{
  if (CYD_IS_WINDOW (window))
    g_signal_connect (window, "map", G_CALLBACK (on_window_mapped), NULL);
}

static void
on_new_chooser_response (GtkNativeDialog *chooser,
                         int              response,
                         gpointer         user_data)
{
  CydApplication *self = CYD_APPLICATION (user_data);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    {
      GtkWindow *open_window = find_window_for_file (self, file);

      if (open_window != NULL)
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *heading = g_strdup_printf (_("Could Not Create “%s”"), name);

          cyd_error_dialog_show (GTK_APPLICATION (self), open_window, heading,
                                 _("That file is open in another window. Choose another name, or close that window first."));
        }
      else
        {
          open_file (self, file, OPEN_NEW);
        }
    }

  g_object_unref (chooser);
  g_application_release (G_APPLICATION (self));
}

static void
on_open_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          gpointer         user_data)
{
  CydApplication *self = CYD_APPLICATION (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          g_application_open (G_APPLICATION (self), &file, 1, "");
        }
    }

  g_object_unref (chooser);
  g_application_release (G_APPLICATION (self));
}

static GtkFileFilter *
create_programme_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Cyd Programmes"));
  gtk_file_filter_add_mime_type (filter, "application/x-cyd-programme");
  gtk_file_filter_add_suffix (filter, "cyd");

  return filter;
}

static void
show_chooser (CydApplication       *self,
              const char           *title,
              GtkFileChooserAction  action,
              const char           *accept_label,
              GCallback             on_response)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = create_programme_filter ();

  chooser = gtk_file_chooser_native_new (title,
                                         gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Untitled Programme.cyd"));
  else
    gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  /* The chooser is ours until it answers; hold the application meanwhile. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (chooser, "response", on_response, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  show_chooser (CYD_APPLICATION (user_data), _("New Programme"),
                GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"),
                G_CALLBACK (on_new_chooser_response));
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  show_chooser (CYD_APPLICATION (user_data), _("Open Programme"),
                GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                G_CALLBACK (on_open_chooser_response));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (parameter, NULL));

  g_application_open (G_APPLICATION (user_data), &file, 1, "");
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Cyd team", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-icon", APPLICATION_ID,
                        "application-name", "Cyd",
                        "developer-name", _("The Cyd team"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan and track the merger of social-services directorates."),
                        "copyright", _("© The Cyd team"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  gtk_window_present (GTK_WINDOW (cyd_preferences_window_new (gtk_application_get_active_window (app))));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Close rather than quit, so each window saves its size and page. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open", open_action },
  { "open-recent", open_recent_action, "s" },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

/* The window binds its own keys too, so it works without an application
 * (as in the tests); these label the menu items with their shortcuts. */
static void
set_accels (GtkApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.save-as", { "<Shift><Control>s", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.show-page('overview')", { "<Alt>1", NULL } },
    { "win.show-page('structure')", { "<Alt>2", NULL } },
    { "win.show-page('staff')", { "<Alt>3", NULL } },
    { "win.show-page('posts')", { "<Alt>4", NULL } },
    { "win.show-page('budgets')", { "<Alt>5", NULL } },
    { "win.show-page('savings')", { "<Alt>6", NULL } },
    { "win.show-page('service-lines')", { "<Alt>7", NULL } },
    { "win.show-page('milestones')", { "<Alt>8", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

/* Out of the settings handler: the Preferences window that changed the
 * setting is among the windows rebuilt. */
static gboolean
switch_language (gpointer user_data)
{
  CydApplication *self = CYD_APPLICATION (user_data);
  g_autofree char *language = g_settings_get_string (self->settings, "language");
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  g_autoptr(GList) rebuilt = NULL;

  self->language_idle_id = 0;
  cyd_language_apply (language);
  rebuilt = cyd_language_rebuild_windows (windows);

  return G_SOURCE_REMOVE;
}

static void
on_language_changed (CydApplication *self)
{
  if (self->language_idle_id == 0)
    self->language_idle_id = g_idle_add (switch_language, self);
}

static void
cyd_application_activate (GApplication *application)
{
  CydApplication *self = CYD_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *demo_path = NULL;
  g_autoptr(GFile) demo = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  demo_path = g_build_filename (g_get_user_data_dir (), "cyd", "demo.cyd", NULL);
  demo = g_file_new_for_path (demo_path);
  open_file (self, demo, OPEN_DEMO);
}

static void
cyd_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  CydApplication *self = CYD_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      GtkWindow *window = find_window_for_file (self, files[i]);

      if (window != NULL)
        gtk_window_present (window);
      else
        open_file (self, files[i], OPEN_EXISTING);
    }
}

static void
cyd_application_startup (GApplication *application)
{
  CydApplication *self = CYD_APPLICATION (application);
  GdkDisplay *display;

  G_APPLICATION_CLASS (cyd_application_parent_class)->startup (application);

  display = gdk_display_get_default ();
  if (display != NULL)
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/style.css");
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  self->settings = g_settings_new (APPLICATION_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  set_accels (GTK_APPLICATION (self));
  g_signal_connect (self, "window-added", G_CALLBACK (on_window_added), NULL);
  g_signal_connect_object (self->settings, "changed::language",
                           G_CALLBACK (on_language_changed), self, G_CONNECT_SWAPPED);
}

static void
cyd_application_shutdown (GApplication *application)
{
  CydApplication *self = CYD_APPLICATION (application);

  g_cancellable_cancel (self->cancellable);

  G_APPLICATION_CLASS (cyd_application_parent_class)->shutdown (application);
}

static void
cyd_application_dispose (GObject *object)
{
  CydApplication *self = CYD_APPLICATION (object);

  g_clear_handle_id (&self->language_idle_id, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cyd_application_parent_class)->dispose (object);
}

/* Cyd keeps no icons, menus or shortcuts window where GtkApplication and
 * AdwApplication look for them by themselves, and their search would cost
 * the first window dearly: adding the application's icon folder makes GTK
 * read the whole icon theme a second time. So there is no base path, and
 * start-up loads the one style sheet. */
static void
cyd_application_constructed (GObject *object)
{
  G_OBJECT_CLASS (cyd_application_parent_class)->constructed (object);

  g_application_set_resource_base_path (G_APPLICATION (object), NULL);
}

static void
cyd_application_class_init (CydApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = cyd_application_constructed;
  object_class->dispose = cyd_application_dispose;

  app_class->startup = cyd_application_startup;
  app_class->shutdown = cyd_application_shutdown;
  app_class->activate = cyd_application_activate;
  app_class->open = cyd_application_open;
}

static void
cyd_application_init (CydApplication *self)
{
  self->cancellable = g_cancellable_new ();
}

CydApplication *
cyd_application_new (const char        *application_id,
                     GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (CYD_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       NULL);
}

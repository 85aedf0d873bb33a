/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd.h"

G_BEGIN_DECLS

/* Exit statuses of every command. */
enum {
  EXIT_DONE = 0,
  EXIT_REFUSED = 1,
  EXIT_USAGE = 2,
};

/* A command gets argv from its own name on: argv[0] is the command. */
typedef int (*CydCliCommand) (int argc, char **argv);

void      cyd_cli_print_error   (const char      *message);
int       cyd_cli_usage_error   (GOptionContext  *context,
                                 const char      *message);
gboolean  cyd_cli_parse_options (GOptionContext  *context,
                                 int             *argc,
                                 char          ***argv,
                                 int             *status);
CydStore *cyd_cli_open_store    (const char      *path);

int       cyd_cli_generate_command (int    argc,
                                    char **argv);
int       cyd_cli_milestones_command (int    argc,
                                      char **argv);
int       cyd_cli_structure_command (int    argc,
                                     char **argv);
int       cyd_cli_budget_command (int    argc,
                                  char **argv);
int       cyd_cli_savings_command (int    argc,
                                   char **argv);
int       cyd_cli_report_command (int    argc,
                                  char **argv);

G_END_DECLS

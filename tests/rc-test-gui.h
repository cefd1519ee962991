/* rc-test-gui.h: helpers for tests that drive a real window (under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rc-test-server.h"
#include "rc-window.h"

G_BEGIN_DECLS

/* How long rc_test_gui_wait() waits at most unless told: only a guard
 * against a hang, so generous enough for a machine under heavy load. */
#define RC_TEST_GUI_WAIT_SECONDS 30

gboolean          rc_test_gui_init                  (void);
gboolean          rc_test_gui_init_keyring_session  (void);
gboolean          rc_test_gui_has_display           (void);
RcContext        *rc_test_gui_get_context           (void);
RcTokenCache     *rc_test_gui_get_token_cache       (void);
RcSecretStore    *rc_test_gui_get_secret_store      (void);
gboolean          rc_test_gui_skip_without_display  (void);
void              rc_test_gui_set_wait_seconds      (guint             seconds);
gboolean          rc_test_gui_wait                  (RcTestCondition   condition,
                                                     gpointer          data);
gboolean          rc_test_gui_wait_for_refs         (gpointer          object,
                                                     guint             ref_count);
void              rc_test_gui_wait_for_frame        (GtkWidget        *widget);
void              rc_test_gui_wait_for_idle         (void);
void              rc_test_gui_wait_for_transitions  (GtkWidget        *root);
void              rc_test_gui_wait_for_focus        (GtkWidget        *widget);
void              rc_test_gui_resize                (GtkWindow        *window,
                                                     int               width,
                                                     int               height);
void              rc_test_gui_scroll_to             (GtkWidget        *widget);
void              rc_test_gui_show_page             (GtkWidget        *view_stack,
                                                     const char       *name);
RcProject        *rc_test_gui_load_sample           (void);

GtkWidget        *rc_test_gui_find_named            (GtkWidget        *root,
                                                     const char       *name);
GtkWidget        *rc_test_gui_find_of_type          (GtkWidget        *root,
                                                     GType             type);
GtkWidget        *rc_test_gui_get_widget            (RcWindow         *window,
                                                     const char       *name);
GtkWidget        *rc_test_gui_get_named             (GtkWidget        *root,
                                                     const char       *name);
char             *rc_test_gui_dup_view_text         (GtkWidget        *text_view);
char             *rc_test_gui_dup_shown_text        (GtkWidget        *widget);
void              rc_test_gui_wait_for_text         (GtkWidget        *widget,
                                                     const char       *text);
void              rc_test_gui_type_characters       (GtkWidget        *editable,
                                                     const char       *text);
void              rc_test_gui_type_over             (GtkWidget        *editable,
                                                     const char       *text);
GtkWidget        *rc_test_gui_find_parameter_row    (GtkWidget        *root,
                                                     const char       *parameter);
GtkWidget        *rc_test_gui_find_edit_icon        (GtkWidget        *row);
GtkWidget        *rc_test_gui_find_titled_row       (GtkWidget        *root,
                                                     const char       *name,
                                                     const char       *title);
void              rc_test_gui_select_combo_label    (GtkWidget        *row,
                                                     const char       *label);
const char       *rc_test_gui_get_combo_label       (GtkWidget        *row);
const char       *rc_test_gui_assert_field_check    (GtkWidget        *root,
                                                     const char       *name,
                                                     const char       *message_part);
void              rc_test_gui_assert_stack_page     (GtkWidget        *root,
                                                     const char       *stack_name,
                                                     const char       *page);
void              rc_test_gui_collect_shown_labels  (GtkWidget        *root,
                                                     GPtrArray        *texts);
gboolean          rc_test_gui_shows_labels          (GtkWidget        *root,
                                                     const char      **wanted);
void              rc_test_gui_wait_for_labels       (GtkWidget        *root,
                                                     const char      **wanted);

void              rc_test_gui_present               (GtkWindow        *window);
RcWindow         *rc_test_gui_present_window        (RcProject        *project,
                                                     int               width,
                                                     int               height);
void              rc_test_gui_destroy_window        (RcWindow        **window);
void              rc_test_gui_select_item           (RcWindow         *window,
                                                     GObject          *item);
void              rc_test_gui_assert_page_shown     (RcWindow         *window,
                                                     const char       *page);
GtkWindow        *rc_test_gui_wait_for_window       (GType             type,
                                                     gpointer          window_location);
void              rc_test_gui_wait_gone             (gpointer          window_location);
void              rc_test_gui_close_window          (gpointer          window_location);
AdwMessageDialog *rc_test_gui_wait_for_dialog       (GtkWindow        *parent);
void              rc_test_gui_respond               (AdwMessageDialog *dialog,
                                                     const char       *response);
GtkWindow        *rc_test_gui_wait_for_file_chooser (void);
gboolean          rc_test_gui_wait_for_chooser_folder (GtkWindow      *chooser,
                                                       GFile          *folder);
void              rc_test_gui_choose_file           (GtkWindow        *chooser,
                                                     GFile            *file);
void              rc_test_gui_save_screenshot       (GtkWidget        *widget,
                                                     const char       *file_name);

G_END_DECLS

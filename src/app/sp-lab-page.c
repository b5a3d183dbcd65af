/* sp-lab-page.c — the base class of the window's pages (the contract is
 * described in sp-lab-page.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-lab-page.h"

typedef struct
{
  char      *page_name;
  char      *title;
  char      *icon_name;
  char      *lab_name;
  char      *lab_title;
  char      *lab_icon_name;
  char      *panel_name;
  gboolean   simulation_bar;
  GPtrArray *figures;       /* borrowed: template children of the page */
  int        width;
  int        height;
  gboolean   presentation;
  guint      relayout_idle;
} SpLabPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SpLabPage, sp_lab_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAGE_NAME,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_LAB_NAME,
  PROP_LAB_TITLE,
  PROP_LAB_ICON_NAME,
  PROP_PANEL_NAME,
  PROP_SIMULATION_BAR,
  PROP_PRESENTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_STATE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
relayout_idle_cb (gpointer user_data)
{
  SpLabPage *self = user_data;
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (self);

  priv->relayout_idle = 0;
  if (SP_LAB_PAGE_GET_CLASS (self)->relayout != NULL)
    SP_LAB_PAGE_GET_CLASS (self)->relayout (self);
  return G_SOURCE_REMOVE;
}

void
sp_lab_page_queue_relayout (SpLabPage *self)
{
  SpLabPagePrivate *priv;

  g_return_if_fail (SP_IS_LAB_PAGE (self));

  priv = sp_lab_page_get_instance_private (self);
  if (priv->relayout_idle == 0)
    /* Above the frame clock's priorities: while the simulation animates,
     * a default idle would never run. */
    priv->relayout_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, relayout_idle_cb, self, NULL);
}

const char *
sp_lab_page_get_page_name (SpLabPage *self)
{
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (self);

  g_return_val_if_fail (SP_IS_LAB_PAGE (self), NULL);
  return priv->page_name;
}

const char *
sp_lab_page_get_title (SpLabPage *self)
{
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (self);

  g_return_val_if_fail (SP_IS_LAB_PAGE (self), NULL);
  return priv->title;
}

const char *
sp_lab_page_get_icon_name (SpLabPage *self)
{
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (self);

  g_return_val_if_fail (SP_IS_LAB_PAGE (self), NULL);
  return priv->icon_name;
}

const char *
sp_lab_page_get_lab_name (SpLabPage *self)
{
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (self);

  g_return_val_if_fail (SP_IS_LAB_PAGE (self), NULL);
  return priv->lab_name;
}

const char *
sp_lab_page_get_lab_title (SpLabPage *self)
{
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (self);

  g_return_val_if_fail (SP_IS_LAB_PAGE (self), NULL);
  return priv->lab_title;
}

const char *
sp_lab_page_get_lab_icon_name (SpLabPage *self)
{
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (self);

  g_return_val_if_fail (SP_IS_LAB_PAGE (self), NULL);
  return priv->lab_icon_name;
}

const char *
sp_lab_page_get_panel_name (SpLabPage *self)
{
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (self);

  g_return_val_if_fail (SP_IS_LAB_PAGE (self), NULL);
  return priv->panel_name != NULL ? priv->panel_name : priv->lab_name;
}

gboolean
sp_lab_page_get_simulation_bar (SpLabPage *self)
{
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (self);

  g_return_val_if_fail (SP_IS_LAB_PAGE (self), FALSE);
  return priv->simulation_bar;
}

/* The vfuncs ------------------------------------------------------------- */

GtkWidget *
sp_lab_page_create_panel (SpLabPage *self)
{
  g_return_val_if_fail (SP_IS_LAB_PAGE (self), NULL);

  if (SP_LAB_PAGE_GET_CLASS (self)->create_panel == NULL)
    return NULL;
  return SP_LAB_PAGE_GET_CLASS (self)->create_panel (self);
}

gboolean
sp_lab_page_has_state (SpLabPage *self)
{
  g_return_val_if_fail (SP_IS_LAB_PAGE (self), FALSE);

  return SP_LAB_PAGE_GET_CLASS (self)->save_state != NULL;
}

JsonObject *
sp_lab_page_save_state (SpLabPage *self)
{
  g_return_val_if_fail (SP_IS_LAB_PAGE (self), NULL);

  if (SP_LAB_PAGE_GET_CLASS (self)->save_state == NULL)
    return NULL;
  return SP_LAB_PAGE_GET_CLASS (self)->save_state (self);
}

gboolean
sp_lab_page_check_state (SpLabPage   *self,
                         JsonObject  *state,
                         GError     **error)
{
  SpLabPageClass *klass;

  g_return_val_if_fail (SP_IS_LAB_PAGE (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  klass = SP_LAB_PAGE_GET_CLASS (self);
  /* A page without state of its own takes any object (a later version
   * may give it one) and ignores it. */
  if (klass->check_state == NULL)
    return TRUE;
  return klass->check_state (self, state, error);
}

gboolean
sp_lab_page_load_state (SpLabPage   *self,
                        JsonObject  *state,
                        GError     **error)
{
  SpLabPageClass *klass;

  if (!sp_lab_page_check_state (self, state, error))
    return FALSE;
  klass = SP_LAB_PAGE_GET_CLASS (self);
  if (klass->load_state != NULL)
    klass->load_state (self, state);
  return TRUE;
}

void
sp_lab_page_state_changed (SpLabPage *self)
{
  g_return_if_fail (SP_IS_LAB_PAGE (self));

  g_signal_emit (self, signals[SIGNAL_STATE_CHANGED], 0);
}

GPtrArray *
sp_lab_page_get_figures (SpLabPage *self)
{
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (self);

  g_return_val_if_fail (SP_IS_LAB_PAGE (self), NULL);
  return priv->figures;
}

void
sp_lab_page_add_figure (SpLabPage  *self,
                        SpPlotView *figure)
{
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (self);

  g_return_if_fail (SP_IS_LAB_PAGE (self));
  g_return_if_fail (SP_IS_PLOT_VIEW (figure));

  g_ptr_array_add (priv->figures, figure);
}

void
sp_lab_page_set_area (SpLabPage *self,
                      int        width,
                      int        height)
{
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (self);

  g_return_if_fail (SP_IS_LAB_PAGE (self));

  if (priv->width == width && priv->height == height)
    return;
  priv->width = width;
  priv->height = height;
  sp_lab_page_queue_relayout (self);
}

void
sp_lab_page_get_area (SpLabPage *self,
                      int       *width,
                      int       *height)
{
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (self);

  g_return_if_fail (SP_IS_LAB_PAGE (self));

  if (width != NULL)
    *width = priv->width;
  if (height != NULL)
    *height = priv->height;
}

void
sp_lab_page_set_presentation (SpLabPage *self,
                              gboolean   presentation)
{
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (self);

  g_return_if_fail (SP_IS_LAB_PAGE (self));

  presentation = !!presentation;
  if (priv->presentation == presentation)
    return;
  priv->presentation = presentation;
  sp_lab_page_queue_relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION]);
}

gboolean
sp_lab_page_get_presentation (SpLabPage *self)
{
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (self);

  g_return_val_if_fail (SP_IS_LAB_PAGE (self), FALSE);
  return priv->presentation;
}

/* GObject ---------------------------------------------------------------- */

static void
sp_lab_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (SP_LAB_PAGE (object));

  switch (prop_id)
    {
    case PROP_PAGE_NAME:
      g_value_set_string (value, priv->page_name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, priv->icon_name);
      break;
    case PROP_LAB_NAME:
      g_value_set_string (value, priv->lab_name);
      break;
    case PROP_LAB_TITLE:
      g_value_set_string (value, priv->lab_title);
      break;
    case PROP_LAB_ICON_NAME:
      g_value_set_string (value, priv->lab_icon_name);
      break;
    case PROP_PANEL_NAME:
      g_value_set_string (value, sp_lab_page_get_panel_name (SP_LAB_PAGE (object)));
      break;
    case PROP_SIMULATION_BAR:
      g_value_set_boolean (value, priv->simulation_bar);
      break;
    case PROP_PRESENTATION:
      g_value_set_boolean (value, priv->presentation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_lab_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (SP_LAB_PAGE (object));
  char **field;

  switch (prop_id)
    {
    case PROP_PAGE_NAME:
      field = &priv->page_name;
      break;
    case PROP_TITLE:
      field = &priv->title;
      break;
    case PROP_ICON_NAME:
      field = &priv->icon_name;
      break;
    case PROP_LAB_NAME:
      field = &priv->lab_name;
      break;
    case PROP_LAB_TITLE:
      field = &priv->lab_title;
      break;
    case PROP_LAB_ICON_NAME:
      field = &priv->lab_icon_name;
      break;
    case PROP_PANEL_NAME:
      field = &priv->panel_name;
      break;
    case PROP_SIMULATION_BAR:
      if (priv->simulation_bar != g_value_get_boolean (value))
        {
          priv->simulation_bar = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      return;
    case PROP_PRESENTATION:
      sp_lab_page_set_presentation (SP_LAB_PAGE (object), g_value_get_boolean (value));
      return;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (g_strcmp0 (*field, g_value_get_string (value)) == 0)
    return;
  g_free (*field);
  *field = g_value_dup_string (value);
  g_object_notify_by_pspec (object, pspec);
}

static void
sp_lab_page_dispose (GObject *object)
{
  SpLabPage *self = SP_LAB_PAGE (object);
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (self);
  GtkWidget *child;

  g_clear_handle_id (&priv->relayout_idle, g_source_remove);
  g_ptr_array_set_size (priv->figures, 0);
  /* Every page is built from its own template, on its own (final) type:
   * disposed here, so no page needs a dispose of its own; then whatever
   * else was parented to the page. */
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sp_lab_page_parent_class)->dispose (object);
}

static void
sp_lab_page_finalize (GObject *object)
{
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (SP_LAB_PAGE (object));

  g_free (priv->page_name);
  g_free (priv->title);
  g_free (priv->icon_name);
  g_free (priv->lab_name);
  g_free (priv->lab_title);
  g_free (priv->lab_icon_name);
  g_free (priv->panel_name);
  g_ptr_array_unref (priv->figures);

  G_OBJECT_CLASS (sp_lab_page_parent_class)->finalize (object);
}

static void
sp_lab_page_class_init (SpLabPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sp_lab_page_get_property;
  object_class->set_property = sp_lab_page_set_property;
  object_class->dispose = sp_lab_page_dispose;
  object_class->finalize = sp_lab_page_finalize;

  /* The view stack page's name: win.show-page's target. */
  properties[PROP_PAGE_NAME] =
    g_param_spec_string ("page-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The switcher's label, with a mnemonic underscore. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The lab the page belongs to: its id (pages group by it), the lab
   * selector's label (with a mnemonic underscore) and icon. */
  properties[PROP_LAB_NAME] =
    g_param_spec_string ("lab-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAB_TITLE] =
    g_param_spec_string ("lab-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAB_ICON_NAME] =
    g_param_spec_string ("lab-icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Pages with the same panel name share one flap panel (NULL: the
   * lab-name, so a lab's pages share one unless they say otherwise). */
  properties[PROP_PANEL_NAME] =
    g_param_spec_string ("panel-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the simulation's bar shows under the page. */
  properties[PROP_SIMULATION_BAR] =
    g_param_spec_boolean ("simulation-bar", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Presentation mode (the window's): larger figures, fewer at once. */
  properties[PROP_PRESENTATION] =
    g_param_spec_boolean ("presentation", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The page's session state changed (sp_lab_page_state_changed()). */
  signals[SIGNAL_STATE_CHANGED] =
    g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sp_lab_page_init (SpLabPage *self)
{
  SpLabPagePrivate *priv = sp_lab_page_get_instance_private (self);

  priv->figures = g_ptr_array_new ();
}

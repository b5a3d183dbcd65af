/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-guess-shape.c — the circuit's shape, and parameters sized from
 * the spectrum's arcs, intercept and tail (see sp-eis-guess.h)
 *
 * The shape (which elements are in series at the top, which p(…) blocks
 * have a resistive path at DC and so make an arc) is read from the
 * circuit's canonical string, whose element names are the parameter names
 * (sp-circuit.h).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-eis-guess-private.h"

/* ---- the circuit's shape ------------------------------------------------ */

typedef enum { EL_R, EL_C, EL_L, EL_CPE, EL_W, EL_WO, EL_WS } ElementType;
typedef enum { NODE_ELEMENT, NODE_SERIES, NODE_PARALLEL } NodeKind;

struct _Node
{
  NodeKind    kind;
  ElementType type;
  guint       param;      /* the element's first parameter */
  GPtrArray  *children;   /* of Node, for series and parallel */
};

static void
node_free (gpointer data)
{
  Node *node = data;

  if (node == NULL)
    return;
  if (node->children != NULL)
    g_ptr_array_unref (node->children);
  g_free (node);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Node, node_free)

static Node *
node_new (NodeKind kind)
{
  Node *node = g_new0 (Node, 1);

  node->kind = kind;
  if (kind != NODE_ELEMENT)
    node->children = g_ptr_array_new_with_free_func (node_free);
  return node;
}

static Node *parse_series (const SpCircuit *circuit, const char **s);

/* An element's name is its one parameter's name (R0, C1, L0, W1) or the
 * stem of its two (CPEb_0, CPEb_1; Wo1_0, Wo1_1). */
static Node *
parse_element (const SpCircuit *circuit,
               const char     **s)
{
  const char *start = *s;
  g_autofree char *token = NULL;
  g_autofree char *first = NULL;
  g_autoptr(Node) node = node_new (NODE_ELEMENT);
  guint index;

  while (g_ascii_isalnum (**s) || **s == '_')
    (*s)++;
  if (*s == start)
    return NULL;
  token = g_strndup (start, *s - start);
  first = g_strconcat (token, "_0", NULL);

  if (sp_circuit_find_param (circuit, first, &index, NULL))
    {
      node->param = index;
      if (g_str_has_prefix (token, "CPE"))
        node->type = EL_CPE;
      else if (g_str_has_prefix (token, "Wo"))
        node->type = EL_WO;
      else if (g_str_has_prefix (token, "Ws"))
        node->type = EL_WS;
      else
        return NULL;
      return g_steal_pointer (&node);
    }
  if (!sp_circuit_find_param (circuit, token, &index, NULL))
    return NULL;
  node->param = index;
  switch (token[0])
    {
    case 'R': node->type = EL_R; break;
    case 'C': node->type = EL_C; break;
    case 'L': node->type = EL_L; break;
    case 'W': node->type = EL_W; break;
    default: return NULL;
    }
  return g_steal_pointer (&node);
}

static Node *
parse_item (const SpCircuit *circuit,
            const char     **s)
{
  g_autoptr(Node) node = NULL;

  if ((*s)[0] != 'p' || (*s)[1] != '(')
    return parse_element (circuit, s);

  node = node_new (NODE_PARALLEL);
  *s += 2;
  for (;;)
    {
      Node *child = parse_series (circuit, s);

      if (child == NULL)
        return NULL;
      g_ptr_array_add (node->children, child);
      if (**s == ',')
        (*s)++;
      else if (**s == ')')
        {
          (*s)++;
          return g_steal_pointer (&node);
        }
      else
        return NULL;
    }
}

static Node *
parse_series (const SpCircuit *circuit,
              const char     **s)
{
  g_autoptr(Node) node = node_new (NODE_SERIES);

  for (;;)
    {
      Node *item = parse_item (circuit, s);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (node->children, item);
      if (**s != '-')
        break;
      (*s)++;
    }
  if (node->children->len == 1)
    return g_ptr_array_steal_index (node->children, 0);
  return g_steal_pointer (&node);
}

/* NULL when the string is not in the expected shape (then every
 * parameter gets a plain guess from its kind). */
static Node *
circuit_shape (const SpCircuit *circuit)
{
  const char *s = sp_circuit_to_string (circuit);
  Node *root = parse_series (circuit, &s);

  if (root != NULL && *s != '\0')
    {
      node_free (root);
      return NULL;
    }
  return root;
}

/* Whether a direct current flows: such a block makes an arc, anything
 * else (C, CPE, W, Wo) rises without bound at low frequency. */
static gboolean
node_dc_resistive (const Node *node)
{
  switch (node->kind)
    {
    case NODE_ELEMENT:
      return node->type == EL_R || node->type == EL_L || node->type == EL_WS;
    case NODE_SERIES:
      for (guint i = 0; i < node->children->len; i++)
        if (!node_dc_resistive (node->children->pdata[i]))
          return FALSE;
      return TRUE;
    case NODE_PARALLEL:
    default:
      for (guint i = 0; i < node->children->len; i++)
        if (node_dc_resistive (node->children->pdata[i]))
          return TRUE;
      return FALSE;
    }
}

/* One element sized to impedance @r at angular frequency @omega. */
static void
assign_element (const Node *node,
                double      r,
                double      omega,
                double      alpha,
                double     *p)
{
  switch (node->type)
    {
    case EL_R:
      p[node->param] = r;
      break;
    case EL_C:
      p[node->param] = 1.0 / (r * omega);
      break;
    case EL_L:
      /* An inductor inside a block: small beside r. */
      p[node->param] = 1e-3 * r / omega;
      break;
    case EL_CPE:
      p[node->param] = 1.0 / (r * pow (omega, alpha));
      p[node->param + 1] = alpha;
      break;
    case EL_W:
      p[node->param] = r * sqrt (omega);
      break;
    case EL_WO:
      p[node->param] = r;
      p[node->param + 1] = 1.0 / omega;
      break;
    case EL_WS:
      /* −Z″ of tanh(√(jx))/√(jx) peaks at x = ωτ ≈ 2.53. */
      p[node->param] = r;
      p[node->param + 1] = 2.53 / omega;
      break;
    }
}

/* A block (or anything) sized for an arc of diameter @r whose apex is at
 * @omega: the DC-resistive paths share r, the capacitive elements set the
 * time constant. */
static void
assign (const Node *node,
        double      r,
        double      omega,
        double      alpha,
        double     *p)
{
  guint n_res = 0;

  if (node->kind == NODE_ELEMENT)
    {
      assign_element (node, r, omega, alpha, p);
      return;
    }
  for (guint i = 0; i < node->children->len; i++)
    if (node_dc_resistive (node->children->pdata[i]))
      n_res++;
  for (guint i = 0; i < node->children->len; i++)
    {
      const Node *child = node->children->pdata[i];
      double share = r;

      if (n_res > 0 && node_dc_resistive (child))
        share = node->kind == NODE_SERIES ? r / n_res : r * n_res;
      assign (child, share, omega, alpha, p);
    }
}

/* ---- from features to parameters ---------------------------------------- */


void
shape_init (Shape           *shape,
            const SpCircuit *circuit)
{
  shape->root = circuit_shape (circuit);
  shape->series_r = g_ptr_array_new ();
  shape->inductors = g_ptr_array_new ();
  shape->arc_items = g_ptr_array_new ();
  shape->tail_items = g_ptr_array_new ();
  if (shape->root == NULL)
    return;
  if (shape->root->kind == NODE_SERIES)
    for (guint i = 0; i < shape->root->children->len; i++)
      {
        Node *item = shape->root->children->pdata[i];

        if (item->kind == NODE_ELEMENT && item->type == EL_R)
          g_ptr_array_add (shape->series_r, item);
        else if (item->kind == NODE_ELEMENT && item->type == EL_L)
          g_ptr_array_add (shape->inductors, item);
        else if (node_dc_resistive (item))
          g_ptr_array_add (shape->arc_items, item);
        else
          g_ptr_array_add (shape->tail_items, item);
      }
  else if (shape->root->kind == NODE_ELEMENT && shape->root->type == EL_R)
    g_ptr_array_add (shape->series_r, shape->root);
  else if (shape->root->kind == NODE_ELEMENT && shape->root->type == EL_L)
    g_ptr_array_add (shape->inductors, shape->root);
  else if (node_dc_resistive (shape->root))
    g_ptr_array_add (shape->arc_items, shape->root);
  else
    g_ptr_array_add (shape->tail_items, shape->root);
}

void
shape_clear (Shape *shape)
{
  g_ptr_array_unref (shape->series_r);
  g_ptr_array_unref (shape->inductors);
  g_ptr_array_unref (shape->arc_items);
  g_ptr_array_unref (shape->tail_items);
  node_free (shape->root);
}

/* Every parameter still unset (NAN) or invalid gets a plain value from
 * its kind and unit: what is left when the shape could not be read. */
static void
fill_plain (const SpCircuit *circuit,
            const Features  *f,
            double           omega_mid,
            double          *p)
{
  guint n = sp_circuit_get_n_params (circuit);

  for (guint k = 0; k < n; k++)
    {
      const char *unit;

      if (sp_circuit_param_valid (circuit, k, p[k]))
        continue;
      if (sp_circuit_get_param_kind (circuit, k) == SP_CIRCUIT_PARAM_EXPONENT)
        {
          p[k] = 0.9;
          continue;
        }
      unit = sp_circuit_get_param_unit (circuit, k);
      if (g_str_equal (unit, "Ohm"))
        p[k] = 0.5 * f->zmax;
      else if (g_str_equal (unit, "H"))
        p[k] = f->l_guess;
      else if (g_str_equal (unit, "s"))
        p[k] = 1 / omega_mid;
      else if (g_str_equal (unit, "Ohm s^-1/2"))
        p[k] = 0.5 * f->zmax * sqrt (omega_mid);
      else   /* F, F s^(a-1) */
        p[k] = 1 / (0.5 * f->zmax * omega_mid);
    }
}

void
build_params (const SpCircuit *circuit,
              const Shape     *shape,
              const Features  *f,
              GArray          *arcs,
              double           r_inf,
              double           omega_mid,
              double          *p)
{
  guint n = sp_circuit_get_n_params (circuit);
  double n_tail = MAX (shape->tail_items->len, 1);

  for (guint k = 0; k < n; k++)
    p[k] = NAN;
  for (guint i = 0; i < shape->series_r->len; i++)
    assign (shape->series_r->pdata[i], r_inf / shape->series_r->len, 1, 1, p);
  for (guint i = 0; i < shape->inductors->len; i++)
    p[((Node *) shape->inductors->pdata[i])->param] = f->l_guess / shape->inductors->len;
  for (guint i = 0; i < shape->arc_items->len && i < arcs->len; i++)
    {
      const Arc *arc = &g_array_index (arcs, Arc, i);

      assign (shape->arc_items->pdata[i], arc->r, arc->omega, arc->alpha, p);
    }
  for (guint i = 0; i < shape->tail_items->len; i++)
    {
      const Node *item = shape->tail_items->pdata[i];
      double y = f->tail_y / n_tail, w = f->tail_omega, a = f->tail_alpha;

      if (item->kind != NODE_ELEMENT)
        {
          assign (item, y, w, a, p);
          continue;
        }
      switch (item->type)
        {
        case EL_CPE:
          /* −Z″ of 1/(Q (jω)^α) is sin(απ/2)/(Q ω^α). */
          p[item->param] = sin (a * G_PI / 2) / (y * pow (w, a));
          p[item->param + 1] = a;
          break;
        case EL_C:
          p[item->param] = 1 / (y * w);
          break;
        case EL_W:
          /* −Z″ of A(1 − j)/√ω is A/√ω. */
          p[item->param] = y * sqrt (w);
          break;
        case EL_WO:
          if (a > 0.7 && f->tail_dzr > 0)
            {
              /* The capacitive end reached: Z → Z₀/3 + Z₀/(jωτ). */
              p[item->param] = 3 * f->tail_dzr / n_tail;
              p[item->param + 1] = p[item->param] / (w * y);
            }
          else
            {
              /* Still on the 45° line, Z ≈ Z₀/√(jωτ): the bend just
               * below the lowest frequency. */
              p[item->param + 1] = 3 / w;
              p[item->param] = y * sqrt (6);
            }
          break;
        default:
          assign (item, y, w, a, p);
          break;
        }
    }
  fill_plain (circuit, f, omega_mid, p);
}


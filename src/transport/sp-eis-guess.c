/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-guess.c — starting values for a circuit fit (see the header)
 *
 * The circuit's shape (which elements are in series at the top, which
 * p(…) blocks have a resistive path at DC and so make an arc) is read from
 * its canonical string, whose element names are the parameter names
 * (sp-circuit.h).  The spectrum is read at descending frequency, −Z″
 * smoothed over about a fifth of a decade.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-eis-fit.h"
#include "sp-eis-guess.h"

/* ---- the circuit's shape ------------------------------------------------ */

typedef enum { EL_R, EL_C, EL_L, EL_CPE, EL_W, EL_WO, EL_WS } ElementType;
typedef enum { NODE_ELEMENT, NODE_SERIES, NODE_PARALLEL } NodeKind;

typedef struct _Node Node;
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

/* ---- the spectrum's features -------------------------------------------- */

gboolean
sp_eis_spectrum_check (const SpEisSpectrum *spectrum,
                       GError             **error)
{
  if (spectrum == NULL || spectrum->n_points == 0)
    {
      g_set_error (error, SP_EIS_FIT_ERROR, SP_EIS_FIT_ERROR_DATA,
                   _("the spectrum has no points"));
      return FALSE;
    }
  for (guint i = 0; i < spectrum->n_points; i++)
    {
      if (!(isfinite (spectrum->freq_hz[i]) && spectrum->freq_hz[i] > 0))
        {
          g_set_error (error, SP_EIS_FIT_ERROR, SP_EIS_FIT_ERROR_DATA,
                       _("point %u: the frequency must be a positive number of hertz, not %g"),
                       i + 1, spectrum->freq_hz[i]);
          return FALSE;
        }
      if (!(isfinite (spectrum->z_re_ohm[i]) && isfinite (spectrum->z_im_ohm[i])))
        {
          g_set_error (error, SP_EIS_FIT_ERROR, SP_EIS_FIT_ERROR_DATA,
                       _("point %u (%g Hz): the impedance is not a finite number"),
                       i + 1, spectrum->freq_hz[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* The spectrum at descending frequency, with −Z″ smoothed. */
typedef struct
{
  guint   n;
  double *omega;
  double *zr;
  double *y;        /* −Z″                                   */
  double *ys;       /* −Z″ smoothed                          */
  double  zmax;     /* the largest |Z|                       */
} Curve;

static int
compare_descending (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  const double *f = data;
  double fa = f[*(const guint *) a], fb = f[*(const guint *) b];

  return (fa < fb) - (fa > fb);
}

static void
curve_init (Curve               *c,
            const SpEisSpectrum *s)
{
  g_autofree guint *order = g_new (guint, s->n_points);
  double decades;
  int half;

  c->n = s->n_points;
  c->omega = g_new (double, c->n);
  c->zr = g_new (double, c->n);
  c->y = g_new (double, c->n);
  c->ys = g_new (double, c->n);
  c->zmax = 0;
  for (guint i = 0; i < c->n; i++)
    order[i] = i;
  g_qsort_with_data (order, c->n, sizeof (guint), compare_descending, s->freq_hz);
  for (guint i = 0; i < c->n; i++)
    {
      guint k = order[i];

      c->omega[i] = 2 * G_PI * s->freq_hz[k];
      c->zr[i] = s->z_re_ohm[k];
      c->y[i] = -s->z_im_ohm[k];
      c->zmax = MAX (c->zmax, hypot (s->z_re_ohm[k], s->z_im_ohm[k]));
    }
  if (c->zmax == 0)
    c->zmax = 1;

  /* A moving average over about 0.2 decade (at least three points):
   * enough to keep noise from making peaks, narrow beside an arc's
   * 1.1-decade half width. */
  decades = c->n > 1 ? log10 (c->omega[0] / c->omega[c->n - 1]) : 0;
  half = decades > 0 ? (int) CLAMP (floor (0.1 * (c->n - 1) / decades + 0.5), 1, 8) : 1;
  for (int i = 0; i < (int) c->n; i++)
    {
      double sum = 0;
      int count = 0;

      for (int j = MAX (0, i - half); j <= MIN ((int) c->n - 1, i + half); j++)
        {
          sum += c->y[j];
          count++;
        }
      c->ys[i] = sum / count;
    }
}

static void
curve_clear (Curve *c)
{
  g_free (c->omega);
  g_free (c->zr);
  g_free (c->y);
  g_free (c->ys);
}

typedef struct
{
  guint  index;
  double prominence;
} Peak;

/* Interior local maxima of the smoothed −Z″ that stand out: prominence
 * (height above the higher of the two lowest points reached before a
 * higher point or an end) at least 5 % of the peak and 1 % of |Z| there
 * (noise of a percent makes no peaks after smoothing; |Z|max would be the
 * electrode spike's, far above any arc). */
static GArray *
find_peaks (const Curve *c)
{
  GArray *peaks = g_array_new (FALSE, FALSE, sizeof (Peak));

  for (guint i = 1; i + 1 < c->n; i++)
    {
      double h = c->ys[i], left = h, right = h;
      Peak peak = { i, 0 };

      if (!(h > 0 && h > c->ys[i - 1] && h >= c->ys[i + 1]))
        continue;
      for (guint j = i; j-- > 0 && c->ys[j] <= h;)
        left = MIN (left, c->ys[j]);
      for (guint j = i + 1; j < c->n && c->ys[j] <= h; j++)
        right = MIN (right, c->ys[j]);
      peak.prominence = h - MAX (left, right);
      if (peak.prominence >= 0.05 * h && peak.prominence >= 0.01 * hypot (c->zr[i], h))
        g_array_append_val (peaks, peak);
    }
  return peaks;
}

guint
sp_eis_guess_count_arcs (const SpEisSpectrum *spectrum)
{
  Curve c;
  g_autoptr(GArray) peaks = NULL;

  if (!sp_eis_spectrum_check (spectrum, NULL))
    return 0;
  curve_init (&c, spectrum);
  peaks = find_peaks (&c);
  curve_clear (&c);
  return peaks->len;
}

typedef struct
{
  double r;       /* diameter, Ω                 */
  double omega;   /* apex, rad/s                 */
  double alpha;   /* depression                  */
} Arc;

/* The apex between grid points: a parabola through the three smoothed
 * values around it, in ln ω. */
static double
apex_omega (const Curve *c,
            guint        i)
{
  double y0, y1, y2, d;

  if (i == 0 || i + 1 >= c->n)
    return c->omega[i];
  y0 = c->ys[i - 1];
  y1 = c->ys[i];
  y2 = c->ys[i + 1];
  d = y0 - 2 * y1 + y2;
  if (d >= 0)
    return c->omega[i];
  /* Offset in grid steps, toward lower ω for positive. */
  d = CLAMP (0.5 * (y0 - y2) / d, -0.5, 0.5);
  return c->omega[i] * pow (c->omega[i + 1] / c->omega[i], d);
}

/* Everything the guesses are built from. */
typedef struct
{
  double  r_inf;          /* high-frequency intercept, Ω                   */
  GArray *arcs;           /* Arc, descending frequency                     */
  double  tail_y;         /* −Z″ of the tail at the lowest frequency, Ω    */
  double  tail_omega;
  double  tail_alpha;     /* −d ln(−Z″)/d ln ω there                       */
  double  tail_dzr;       /* Z′ gained along the tail, Ω                   */
  gboolean has_tail;
  double  l_guess;        /* H                                             */
  double  zmax;
} Features;

static void
features_clear (Features *f)
{
  g_clear_pointer (&f->arcs, g_array_unref);
}

static int
compare_peak_index (gconstpointer a,
                    gconstpointer b)
{
  const Peak *pa = a, *pb = b;

  return (pa->index > pb->index) - (pa->index < pb->index);
}

static int
compare_peak_prominence (gconstpointer a,
                         gconstpointer b)
{
  const Peak *pa = a, *pb = b;

  return (pa->prominence < pb->prominence) - (pa->prominence > pb->prominence);
}

/* Arcs from the chosen @peaks (sorted by index): each spans Z′ from the
 * valley (or intercept) before its apex to the valley after it. */
static void
features_arcs (Features    *f,
               const Curve *c,
               GArray      *peaks,
               guint        end)
{
  guint m = peaks->len;
  g_autofree double *bound = g_new (double, m + 1);

  f->arcs = g_array_new (FALSE, FALSE, sizeof (Arc));
  bound[0] = f->r_inf;
  for (guint k = 1; k < m; k++)
    {
      guint a = g_array_index (peaks, Peak, k - 1).index;
      guint b = g_array_index (peaks, Peak, k).index, v = a;

      for (guint j = a; j <= b; j++)
        if (c->ys[j] < c->ys[v])
          v = j;
      bound[k] = c->zr[v];
    }
  if (m > 0)
    {
      guint last = g_array_index (peaks, Peak, m - 1).index;

      bound[m] = c->zr[end];
      /* An arc still open at the lowest frequency: mirror its first half. */
      if (c->ys[end] > 0.3 * c->ys[last])
        bound[m] = MAX (bound[m], 2 * c->zr[last] - bound[m - 1]);
    }

  for (guint k = 0; k < m; k++)
    {
      guint i = g_array_index (peaks, Peak, k).index;
      double h = c->ys[i];
      Arc arc;

      arc.r = bound[k + 1] - bound[k];
      /* Overlapping arcs can put the valleys anywhere: an ideal arc is
       * 2.3 of its height wide at α = 0.9. */
      if (!(arc.r > 1.2 * h && arc.r < 6 * h))
        arc.r = 2.34 * h;
      /* The apex of R‖CPE stands (R/2) tan(απ/4) above the axis. */
      arc.alpha = CLAMP (4 / G_PI * atan (2 * h / arc.r), 0.5, 0.98);
      arc.omega = apex_omega (c, i);
      g_array_append_val (f->arcs, arc);
    }
}

/* @want: how many arcs the circuit has blocks for. */
static void
features_init (Features    *f,
               const Curve *c,
               const SpEisSpectrum *s,
               guint        want)
{
  g_autoptr(GArray) peaks = find_peaks (c);
  guint n = c->n, t0 = 0, first_apex = n - 1;
  double zlow;

  memset (f, 0, sizeof *f);
  f->zmax = c->zmax;

  /* Keep the most prominent when there are more peaks than blocks. */
  if (peaks->len > want)
    {
      g_array_sort (peaks, compare_peak_prominence);
      g_array_set_size (peaks, want);
    }
  g_array_sort (peaks, compare_peak_index);
  if (peaks->len > 0)
    first_apex = g_array_index (peaks, Peak, 0).index;

  /* The intercept: the lowest Z′ before the first apex; if that arc is cut
   * off at high frequency, its circle's left end. */
  f->r_inf = c->zr[0];
  for (guint i = 0; i < first_apex && i < n; i++)
    f->r_inf = MIN (f->r_inf, c->zr[i]);
  if (peaks->len > 0 && c->ys[0] > 0.3 * c->ys[first_apex])
    f->r_inf = MIN (f->r_inf, c->zr[first_apex] - c->ys[first_apex]);
  if (!(f->r_inf > 1e-4 * c->zmax))
    f->r_inf = 1e-3 * c->zmax;

  /* The tail: from the lowest −Z″ after the last arc to the lowest
   * frequency, if −Z″ rises again there. */
  t0 = peaks->len > 0 ? g_array_index (peaks, Peak, peaks->len - 1).index : 0;
  for (guint i = t0; i < n; i++)
    if (c->ys[i] < c->ys[t0])
      t0 = i;
  f->has_tail = t0 + 1 < n && c->ys[n - 1] > 1.05 * MAX (c->ys[t0], 0);
  features_arcs (f, c, peaks, f->has_tail ? t0 : n - 1);

  f->tail_omega = c->omega[n - 1];
  zlow = hypot (c->zr[n - 1], c->y[n - 1]);
  f->tail_alpha = 0.85;
  f->tail_y = MAX (c->y[n - 1], 0.05 * zlow);
  f->tail_dzr = f->has_tail ? c->zr[n - 1] - c->zr[t0] : 0;
  if (f->has_tail)
    {
      /* ln(−Z″) against ln ω over the tail's last few points. */
      guint q = MIN (4, n - t0), used = 0;
      double sx = 0, sy = 0, sxx = 0, sxy = 0;

      for (guint i = n - q; i < n; i++)
        if (c->y[i] > 0)
          {
            double x = log (c->omega[i]), yy = log (c->y[i]);

            sx += x;
            sy += yy;
            sxx += x * x;
            sxy += x * yy;
            used++;
          }
      if (used >= 2 && used * sxx - sx * sx > 0)
        {
          double slope = (used * sxy - sx * sy) / (used * sxx - sx * sx);
          double icpt = (sy - slope * sx) / used;

          if (-slope > 0.25 && -slope < 1.2)
            {
              f->tail_alpha = CLAMP (-slope, 0.3, 0.98);
              f->tail_y = MAX (exp (icpt + slope * log (f->tail_omega)), 0.05 * zlow);
            }
        }
    }

  /* An inductance from a positive Z″ at the highest frequency. */
  {
    double x0 = -c->y[0];

    f->l_guess = x0 > 0 ? x0 / c->omega[0] : 1e-3 * hypot (c->zr[0], c->y[0]) / c->omega[0];
    if (!(f->l_guess > 0))
      f->l_guess = 1e-12;
  }
  (void) s;
}

/* A stand-in arc when the spectrum shows none: the whole span, its apex at
 * the largest −Z″. */
static Arc
whole_span_arc (const Curve    *c,
                const Features *f)
{
  Arc arc = { 0, c->omega[0], 0.9 };
  guint top = 0;

  for (guint i = 0; i < c->n; i++)
    if (c->ys[i] > c->ys[top])
      top = i;
  arc.omega = c->omega[top];
  arc.r = c->zr[c->n - 1] - f->r_inf;
  if (!(arc.r > 1e-3 * c->zmax))
    arc.r = MAX (2.34 * c->ys[top], 0.5 * c->zmax);
  return arc;
}

/* Splits arc @j into two of fractions @phi and 1 − @phi, their apices a
 * factor @spread above and below. */
static void
split_arc (GArray *arcs,
           guint   j,
           double  spread,
           double  phi)
{
  Arc a = g_array_index (arcs, Arc, j), hi = a, lo = a;

  hi.r = phi * a.r;
  hi.omega = a.omega * spread;
  hi.alpha = 0.9;
  lo.r = (1 - phi) * a.r;
  lo.omega = a.omega / spread;
  lo.alpha = 0.9;
  g_array_index (arcs, Arc, j) = hi;
  g_array_insert_val (arcs, j + 1, lo);
}

static guint
widest_arc (GArray *arcs)
{
  guint best = 0;

  for (guint k = 1; k < arcs->len; k++)
    if (g_array_index (arcs, Arc, k).r > g_array_index (arcs, Arc, best).r)
      best = k;
  return best;
}

/* ---- from features to parameters ---------------------------------------- */

typedef struct
{
  Node      *root;
  GPtrArray *series_r;   /* Node: top-level R              */
  GPtrArray *inductors;  /* top-level L                    */
  GPtrArray *arc_items;  /* DC-resistive blocks, in order  */
  GPtrArray *tail_items; /* blocking items                 */
} Shape;

static void
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

static void
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

static void
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

/* Appends the start built from @arcs unless @starts is full or holds
 * the same numbers already. */
static void
add_start (GPtrArray       *starts,
           guint            max_starts,
           const SpCircuit *circuit,
           const Shape     *shape,
           const Features  *f,
           GArray          *arcs,
           double           r_inf,
           double           omega_mid)
{
  gsize size = MAX (sp_circuit_get_n_params (circuit), 1) * sizeof (double);
  double *p;

  if (starts->len >= max_starts)
    return;
  p = g_malloc (size);
  build_params (circuit, shape, f, arcs, r_inf, omega_mid, p);
  for (guint i = 0; i < starts->len; i++)
    if (memcmp (starts->pdata[i], p, size) == 0)
      {
        g_free (p);
        return;
      }
  g_ptr_array_add (starts, p);
}

/* ---- the public functions ------------------------------------------------ */

GPtrArray *
sp_eis_guess_variants (const SpCircuit     *circuit,
                       const SpEisSpectrum *spectrum,
                       guint                max_starts,
                       GError             **error)
{
  GPtrArray *starts;
  Curve c;
  Shape shape;
  Features f;
  g_autoptr(GArray) base = NULL;
  guint want, found;
  double omega_mid;

  g_return_val_if_fail (circuit != NULL, NULL);
  if (!sp_eis_spectrum_check (spectrum, error))
    return NULL;

  curve_init (&c, spectrum);
  shape_init (&shape, circuit);
  want = shape.arc_items->len;
  features_init (&f, &c, spectrum, want);
  omega_mid = sqrt (c.omega[0] * c.omega[c.n - 1]);
  found = f.arcs->len;
  starts = g_ptr_array_new_with_free_func (g_free);

  /* The first guess: the arcs found, the widest split while blocks are
   * left over. */
  base = g_array_copy (f.arcs);
  if (base->len == 0 && want > 0)
    {
      Arc arc = whole_span_arc (&c, &f);

      g_array_append_val (base, arc);
    }
  while (base->len > 0 && base->len < want)
    split_arc (base, widest_arc (base), sqrt (10), 0.5);

#define ADD_START(ARCS, RINF)                                                  \
  add_start (starts, MAX (max_starts, 1), circuit, &shape, &f, (ARCS), (RINF), omega_mid)

  ADD_START (base, f.r_inf);

  /* Fewer arcs seen than blocks: other splits of each visible arc. */
  if (found < want)
    {
      static const double spreads[] = { 10, 3, 30 };
      static const double phis[] = { 0.5, 0.2, 0.8 };
      g_autoptr(GArray) seen = g_array_copy (f.arcs);

      if (seen->len == 0)
        {
          Arc arc = whole_span_arc (&c, &f);

          g_array_append_val (seen, arc);
        }
      for (guint s = 0; s < G_N_ELEMENTS (spreads); s++)
        for (guint ph = 0; ph < G_N_ELEMENTS (phis); ph++)
          for (guint j = 0; j < seen->len; j++)
            {
              g_autoptr(GArray) arcs = g_array_copy (seen);

              split_arc (arcs, j, sqrt (spreads[s]), phis[ph]);
              while (arcs->len < want)
                split_arc (arcs, widest_arc (arcs), sqrt (10), 0.5);
              ADD_START (arcs, f.r_inf);
            }
    }

  /* The same arcs with their time constants moved, their depression
   * changed, or the intercept lowered (an arc hidden above the highest
   * frequency). */
  {
    static const double scales[] = { 3, 1.0 / 3, 10, 0.1 };

    for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
      {
        g_autoptr(GArray) arcs = g_array_copy (base);

        for (guint k = 0; k < arcs->len; k++)
          g_array_index (arcs, Arc, k).omega *= scales[s];
        ADD_START (arcs, f.r_inf);
      }
    {
      g_autoptr(GArray) arcs = g_array_copy (base);

      for (guint k = 0; k < arcs->len; k++)
        g_array_index (arcs, Arc, k).alpha = 0.75;
      ADD_START (arcs, f.r_inf);
    }
    {
      g_autoptr(GArray) arcs = g_array_copy (base);

      if (arcs->len > 0)
        g_array_index (arcs, Arc, 0).r += 0.8 * f.r_inf;
      ADD_START (arcs, 0.2 * f.r_inf);
    }
    /* Neighbouring arcs' sizes swapped. */
    for (guint k = 0; k + 1 < base->len; k++)
      {
        g_autoptr(GArray) arcs = g_array_copy (base);
        double r = g_array_index (arcs, Arc, k).r;

        g_array_index (arcs, Arc, k).r = g_array_index (arcs, Arc, k + 1).r;
        g_array_index (arcs, Arc, k + 1).r = r;
        ADD_START (arcs, f.r_inf);
      }
  }
#undef ADD_START

  features_clear (&f);
  shape_clear (&shape);
  curve_clear (&c);
  return starts;
}

gboolean
sp_eis_guess (const SpCircuit     *circuit,
              const SpEisSpectrum *spectrum,
              double              *params,
              GError             **error)
{
  g_autoptr(GPtrArray) starts = sp_eis_guess_variants (circuit, spectrum, 1, error);

  if (starts == NULL)
    return FALSE;
  memcpy (params, starts->pdata[0], sp_circuit_get_n_params (circuit) * sizeof (double));
  return TRUE;
}

/* sp-circuit.c — equivalent circuits: parser, Z(ω) and ∂Z/∂p (see the header)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A parsed circuit is a tree: series and parallel nodes over elements.  An
 * element's parameters are consecutive in the parameter vector, and so are
 * those of any subtree (they are numbered in string order), which lets the
 * Jacobian be built in place: each node writes ∂Z/∂p for its own range.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-circuit.h"

/* Deeper nesting than this is refused (the parser and the evaluation recurse). */
#define MAX_DEPTH 64

G_DEFINE_QUARK (sp-circuit-error-quark, sp_circuit_error)

typedef enum
{
  ELEMENT_R,
  ELEMENT_C,
  ELEMENT_L,
  ELEMENT_CPE,
  ELEMENT_W,
  ELEMENT_WO,
  ELEMENT_WS,
} ElementType;

typedef struct
{
  const char        *type;
  guint              n_params;
  const char        *units[2];
  /* The spelled-out names after "label." (two-parameter elements only). */
  const char        *aliases[2];
  SpCircuitParamKind kinds[2];
} ElementInfo;

/* Longest type names first: "CPEb" is a CPE, "Wo1" a Wo, "Cb" a C. */
static const ElementType type_match_order[] = {
  ELEMENT_CPE, ELEMENT_WO, ELEMENT_WS, ELEMENT_R, ELEMENT_C, ELEMENT_L, ELEMENT_W,
};

static const ElementInfo element_info[] = {
  [ELEMENT_R] = { "R", 1, { "Ohm" }, { NULL }, { SP_CIRCUIT_PARAM_POSITIVE } },
  [ELEMENT_C] = { "C", 1, { "F" }, { NULL }, { SP_CIRCUIT_PARAM_POSITIVE } },
  [ELEMENT_L] = { "L", 1, { "H" }, { NULL }, { SP_CIRCUIT_PARAM_POSITIVE } },
  [ELEMENT_CPE] = { "CPE", 2, { "F s^(a-1)", "" }, { "Q", "alpha" },
                    { SP_CIRCUIT_PARAM_POSITIVE, SP_CIRCUIT_PARAM_EXPONENT } },
  [ELEMENT_W] = { "W", 1, { "Ohm s^-1/2" }, { NULL }, { SP_CIRCUIT_PARAM_POSITIVE } },
  [ELEMENT_WO] = { "Wo", 2, { "Ohm", "s" }, { "Z0", "tau" },
                   { SP_CIRCUIT_PARAM_POSITIVE, SP_CIRCUIT_PARAM_POSITIVE } },
  [ELEMENT_WS] = { "Ws", 2, { "Ohm", "s" }, { "Z0", "tau" },
                   { SP_CIRCUIT_PARAM_POSITIVE, SP_CIRCUIT_PARAM_POSITIVE } },
};

typedef enum
{
  NODE_ELEMENT,
  NODE_SERIES,
  NODE_PARALLEL,
} NodeType;

typedef struct _Node Node;
struct _Node
{
  NodeType    type;
  ElementType element;     /* NODE_ELEMENT */
  char       *name;        /* NODE_ELEMENT: type + label ("CPEb") */
  guint       first_param; /* this subtree's parameters: [first, first + n) */
  guint       n_params;
  GPtrArray  *children;    /* NODE_SERIES, NODE_PARALLEL: Node * */
};

typedef struct
{
  char              *name;   /* "R0", "CPEb_0" */
  char              *alias;  /* "CPEb.Q", or NULL */
  const char        *unit;
  SpCircuitParamKind kind;
} Param;

struct _SpCircuit
{
  Node   *root;
  char   *text;     /* canonical */
  GArray *params;   /* Param */
};

static void
node_free (Node *node)
{
  if (node == NULL)
    return;
  g_free (node->name);
  if (node->children != NULL)
    g_ptr_array_unref (node->children);
  g_free (node);
}

static Node *
node_new_group (NodeType type)
{
  Node *node = g_new0 (Node, 1);

  node->type = type;
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  return node;
}

static void
param_clear (Param *param)
{
  g_free (param->name);
  g_free (param->alias);
}

/* ------------------------------------------------------------------------ */
/* Parser                                                                    */

typedef struct
{
  const char *text;
  const char *p;
  guint       depth;
  GHashTable *names;    /* element name → its 1-based character position */
  GArray     *params;
  const char *dash;            /* the last '-' read */
  guint       error_position;  /* 1-based character, 0 while no error */
  GError    **error;
} Parser;

static guint
char_position (const Parser *ps,
               const char   *at)
{
  return (guint) g_utf8_pointer_to_offset (ps->text, at) + 1;
}

/* The character at @at, for messages. */
static char *
char_at (const char *at)
{
  return g_strndup (at, g_utf8_next_char (at) - at);
}

/* Sets the error "at character N: <problem>" and remembers N. */
static void G_GNUC_PRINTF (4, 5)
fail (Parser     *ps,
      gint        code,
      guint       position,
      const char *format,
      ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  ps->error_position = position;
  g_set_error (ps->error, SP_CIRCUIT_ERROR, code, _("at character %u: %s"), position, problem);
}

static void
skip_space (Parser *ps)
{
  while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')
    ps->p++;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static Node *parse_series (Parser *ps, const char *after, const char **last);

/* Where an element or p( must start and none does. */
static void
set_expected_term_error (Parser     *ps,
                         const char *after)
{
  guint pos = char_position (ps, ps->p);

  if (*ps->p == '\0' && after == NULL)
    fail (ps, SP_CIRCUIT_ERROR_SYNTAX, pos,
          _("the circuit is empty"));
  else if (after != NULL && strcmp (after, "-") == 0 &&
           (*ps->p == '\0' || *ps->p == ')' || *ps->p == ','))
    fail (ps, SP_CIRCUIT_ERROR_SYNTAX, char_position (ps, ps->dash),
          _("'-' with nothing after it"));
  else if (*ps->p == '\0')
    fail (ps, SP_CIRCUIT_ERROR_SYNTAX, pos,
          _("the circuit ends after “%s” where an element or p( "
            "must follow"), after);
  else if (*ps->p == ',' && ps->depth == 0)
    fail (ps, SP_CIRCUIT_ERROR_SYNTAX, pos,
          _("',' outside p(…); join elements in series with '-'"));
  else if (*ps->p == ')' && ps->depth == 0)
    fail (ps, SP_CIRCUIT_ERROR_SYNTAX, pos,
          _("')' without a matching p("));
  else
    {
      g_autofree char *found = char_at (ps->p);

      fail (ps, SP_CIRCUIT_ERROR_SYNTAX, pos,
            _("expected an element (R, C, L, CPE, W, Wo, Ws) or p( "
              "but found “%s”"), found);
    }
}

static Node *
parse_element (Parser     *ps,
               const char *start,
               const char *end)
{
  gsize len = end - start;
  guint pos = char_position (ps, start);
  g_autofree char *name = g_strndup (start, len);
  gpointer first_pos;
  const ElementInfo *info = NULL;
  ElementType type = ELEMENT_R;
  Node *node;

  for (guint i = 0; i < G_N_ELEMENTS (type_match_order); i++)
    {
      const ElementInfo *candidate = &element_info[type_match_order[i]];

      if (g_str_has_prefix (name, candidate->type))
        {
          type = type_match_order[i];
          info = candidate;
          break;
        }
    }
  if (info == NULL)
    {
      fail (ps, SP_CIRCUIT_ERROR_ELEMENT, pos,
            _("unknown element “%s”; the elements are R, C, L, "
              "CPE, W, Wo and Ws"), name);
      return NULL;
    }
  if (g_hash_table_lookup_extended (ps->names, name, NULL, &first_pos))
    {
      fail (ps, SP_CIRCUIT_ERROR_DUPLICATE, pos,
            _("a second element named “%s” (the first is at "
              "character %u); give each its own label, e.g. %s1 and %s2"),
            name, GPOINTER_TO_UINT (first_pos), info->type, info->type);
      return NULL;
    }
  g_hash_table_insert (ps->names, g_strdup (name), GUINT_TO_POINTER (pos));

  node = g_new0 (Node, 1);
  node->type = NODE_ELEMENT;
  node->element = type;
  node->first_param = ps->params->len;
  node->n_params = info->n_params;
  for (guint k = 0; k < info->n_params; k++)
    {
      Param param = { 0 };

      if (info->n_params == 1)
        param.name = g_strdup (name);
      else
        {
          param.name = g_strdup_printf ("%s_%u", name, k);
          param.alias = g_strdup_printf ("%s.%s", name, info->aliases[k]);
        }
      param.unit = info->units[k];
      param.kind = info->kinds[k];
      g_array_append_val (ps->params, param);
    }
  node->name = g_steal_pointer (&name);
  return node;
}

/* After the '(' of p(: branches separated by ',' up to ')'. */
static Node *
parse_parallel (Parser     *ps,
                const char *open)
{
  g_autoptr(GPtrArray) branches = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  guint first_param = ps->params->len;
  Node *node;

  if (ps->depth >= MAX_DEPTH)
    {
      fail (ps, SP_CIRCUIT_ERROR_SYNTAX, char_position (ps, open),
            _("p(…) nested deeper than %u levels"), MAX_DEPTH);
      return NULL;
    }
  skip_space (ps);
  if (*ps->p == ')')
    {
      fail (ps, SP_CIRCUIT_ERROR_SYNTAX, char_position (ps, open),
            _("empty p(): a parallel needs two or more branches "
              "separated by ','"));
      return NULL;
    }

  ps->depth++;
  for (;;)
    {
      const char *last = NULL;
      Node *branch = parse_series (ps, branches->len == 0 ? "p(" : ",", &last);

      if (branch == NULL)
        return NULL;
      g_ptr_array_add (branches, branch);
      skip_space (ps);
      if (*ps->p == ',')
        {
          ps->p++;
          continue;
        }
      if (*ps->p == ')')
        {
          ps->p++;
          break;
        }
      if (*ps->p == '\0')
        fail (ps, SP_CIRCUIT_ERROR_SYNTAX, char_position (ps, ps->p),
              _("missing ')' to close the p( at character %u"), char_position (ps, open));
      else
        {
          g_autofree char *found = char_at (ps->p);

          fail (ps, SP_CIRCUIT_ERROR_SYNTAX, char_position (ps, ps->p),
                _("expected '-', ',' or ')' after %s but found “%s”"), last, found);
        }
      return NULL;
    }
  ps->depth--;

  if (branches->len < 2)
    {
      fail (ps, SP_CIRCUIT_ERROR_SYNTAX, char_position (ps, open),
            _("p(…) with a single branch; a parallel needs two or "
              "more, separated by ','"));
      return NULL;
    }
  node = node_new_group (NODE_PARALLEL);
  g_ptr_array_extend_and_steal (node->children, g_steal_pointer (&branches));
  node->first_param = first_param;
  node->n_params = ps->params->len - first_param;
  return node;
}

/* An element or p(…); @after is what came before (for messages). */
static Node *
parse_term (Parser     *ps,
            const char *after,
            const char **last)
{
  const char *start, *end;

  skip_space (ps);
  start = ps->p;
  if (!g_ascii_isalpha (*start))
    {
      set_expected_term_error (ps, after);
      return NULL;
    }
  end = start;
  while (is_name_char (*end))
    end++;
  ps->p = end;

  if (end - start == 1 && *start == 'p')
    {
      const char *open;

      skip_space (ps);
      if (*ps->p != '(')
        {
          fail (ps, SP_CIRCUIT_ERROR_SYNTAX, char_position (ps, ps->p),
                _("expected '(' after p"));
          return NULL;
        }
      open = ps->p;
      ps->p++;
      *last = "p(…)";
      return parse_parallel (ps, open);
    }
  else
    {
      Node *node = parse_element (ps, start, end);

      if (node != NULL)
        *last = node->name;
      return node;
    }
}

/* term ('-' term)*; a single term is returned as itself. */
static Node *
parse_series (Parser      *ps,
              const char  *after,
              const char **last)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  guint first_param = ps->params->len;
  Node *node;

  for (;;)
    {
      Node *term = parse_term (ps, after, last);

      if (term == NULL)
        return NULL;
      g_ptr_array_add (terms, term);
      skip_space (ps);
      if (*ps->p != '-')
        break;
      ps->dash = ps->p;
      ps->p++;
      after = "-";
    }
  if (terms->len == 1)
    return g_ptr_array_steal_index (terms, 0);
  node = node_new_group (NODE_SERIES);
  g_ptr_array_extend_and_steal (node->children, g_steal_pointer (&terms));
  node->first_param = first_param;
  node->n_params = ps->params->len - first_param;
  return node;
}

static void
node_to_string (const Node *node,
                GString    *out)
{
  switch (node->type)
    {
    case NODE_ELEMENT:
      g_string_append (out, node->name);
      break;
    case NODE_SERIES:
      for (guint i = 0; i < node->children->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, '-');
          node_to_string (g_ptr_array_index (node->children, i), out);
        }
      break;
    case NODE_PARALLEL:
      g_string_append (out, "p(");
      for (guint i = 0; i < node->children->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          node_to_string (g_ptr_array_index (node->children, i), out);
        }
      g_string_append_c (out, ')');
      break;
    default:
      g_assert_not_reached ();
    }
}

SpCircuit *
sp_circuit_parse_full (const char *text,
                       guint      *error_position,
                       GError    **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) params = g_array_new (FALSE, TRUE, sizeof (Param));
  g_autoptr(GError) local_error = NULL;
  Parser ps = { text, text, 0, names, params, NULL, 0, &local_error };
  const char *bad_utf8 = NULL;
  const char *last = NULL;
  SpCircuit *circuit;
  Node *root;

  g_return_val_if_fail (text != NULL, NULL);

  g_array_set_clear_func (params, (GDestroyNotify) param_clear);
  if (error_position != NULL)
    *error_position = 0;

  if (!g_utf8_validate (text, -1, &bad_utf8))
    {
      /* Characters are counted up to the first bad byte. */
      guint pos = (guint) g_utf8_strlen (text, bad_utf8 - text) + 1;

      if (error_position != NULL)
        *error_position = pos;
      ps.error = error;
      fail (&ps, SP_CIRCUIT_ERROR_SYNTAX, pos, _("the circuit is not valid UTF-8"));
      return NULL;
    }

  root = parse_series (&ps, NULL, &last);
  if (root != NULL)
    {
      skip_space (&ps);
      if (*ps.p != '\0')
        {
          guint pos = char_position (&ps, ps.p);

          if (*ps.p == ')')
            fail (&ps, SP_CIRCUIT_ERROR_SYNTAX, pos,
                  _("')' without a matching p("));
          else if (*ps.p == ',')
            fail (&ps, SP_CIRCUIT_ERROR_SYNTAX, pos,
                  _("',' outside p(…); join elements in series with '-'"));
          else
            {
              g_autofree char *found = char_at (ps.p);

              fail (&ps, SP_CIRCUIT_ERROR_SYNTAX, pos,
                    _("expected '-' or the end after %s but found “%s”"), last, found);
            }
          g_clear_pointer (&root, node_free);
        }
    }
  if (root == NULL)
    {
      if (error_position != NULL)
        *error_position = ps.error_position;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  circuit = g_new0 (SpCircuit, 1);
  circuit->root = root;
  circuit->params = g_steal_pointer (&params);
  {
    GString *out = g_string_new (NULL);

    node_to_string (root, out);
    circuit->text = g_string_free (out, FALSE);
  }
  return circuit;
}

SpCircuit *
sp_circuit_parse (const char *text,
                  GError    **error)
{
  return sp_circuit_parse_full (text, NULL, error);
}

void
sp_circuit_free (SpCircuit *circuit)
{
  if (circuit == NULL)
    return;
  node_free (circuit->root);
  g_array_unref (circuit->params);
  g_free (circuit->text);
  g_free (circuit);
}

const char *
sp_circuit_to_string (const SpCircuit *circuit)
{
  g_return_val_if_fail (circuit != NULL, NULL);
  return circuit->text;
}

guint
sp_circuit_get_n_params (const SpCircuit *circuit)
{
  g_return_val_if_fail (circuit != NULL, 0);
  return circuit->params->len;
}

static const Param *
get_param (const SpCircuit *circuit,
           guint            index)
{
  return &g_array_index (circuit->params, Param, index);
}

const char *
sp_circuit_get_param_name (const SpCircuit *circuit,
                           guint            index)
{
  g_return_val_if_fail (circuit != NULL && index < circuit->params->len, NULL);
  return get_param (circuit, index)->name;
}

const char *
sp_circuit_get_param_alias (const SpCircuit *circuit,
                            guint            index)
{
  g_return_val_if_fail (circuit != NULL && index < circuit->params->len, NULL);
  return get_param (circuit, index)->alias;
}

const char *
sp_circuit_get_param_unit (const SpCircuit *circuit,
                           guint            index)
{
  g_return_val_if_fail (circuit != NULL && index < circuit->params->len, NULL);
  return get_param (circuit, index)->unit;
}

SpCircuitParamKind
sp_circuit_get_param_kind (const SpCircuit *circuit,
                           guint            index)
{
  g_return_val_if_fail (circuit != NULL && index < circuit->params->len,
                        SP_CIRCUIT_PARAM_POSITIVE);
  return get_param (circuit, index)->kind;
}

char *
sp_circuit_describe_params (const SpCircuit *circuit)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (circuit != NULL, NULL);

  for (guint i = 0; i < circuit->params->len; i++)
    {
      const Param *param = get_param (circuit, i);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, param->name);
      if (param->alias != NULL)
        g_string_append_printf (out, " (%s)", param->alias);
    }
  return g_string_free (out, FALSE);
}

gboolean
sp_circuit_find_param (const SpCircuit *circuit,
                       const char      *name,
                       guint           *index,
                       GError         **error)
{
  g_autofree char *known = NULL;

  g_return_val_if_fail (circuit != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < circuit->params->len; i++)
    {
      const Param *param = get_param (circuit, i);

      if (strcmp (param->name, name) == 0 ||
          (param->alias != NULL && strcmp (param->alias, name) == 0))
        {
          if (index != NULL)
            *index = i;
          return TRUE;
        }
    }
  known = sp_circuit_describe_params (circuit);
  g_set_error (error, SP_CIRCUIT_ERROR, SP_CIRCUIT_ERROR_PARAMETER,
               _("%s has no parameter “%s”; its parameters are %s"),
               circuit->text, name, known);
  return FALSE;
}

gboolean
sp_circuit_param_valid (const SpCircuit *circuit,
                        guint            index,
                        double           value)
{
  g_return_val_if_fail (circuit != NULL && index < circuit->params->len, FALSE);

  if (!(isfinite (value) && value > 0))
    return FALSE;
  if (get_param (circuit, index)->kind == SP_CIRCUIT_PARAM_EXPONENT)
    return value <= 1;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Evaluation                                                                */

/* e^z − 1 without the cancellation of cexp (z) − 1 near z = 0:
 * e^(a+jb) − 1 = expm1(a) cos b − 2 sin²(b/2) + j e^a sin b. */
static double complex
complex_expm1 (double complex z)
{
  double a = creal (z), b = cimag (z);
  double half = sin (0.5 * b);

  return CMPLX (expm1 (a) * cos (b) - 2 * half * half, exp (a) * sin (b));
}

/* sinh z − z by its series (z³/3! + z⁵/5! + …), for |z| ≤ 2 where the
 * difference cancels. */
static double complex
sinh_minus_z (double complex z)
{
  double complex z2 = z * z;
  double complex term = z * z2 / 6;
  double complex sum = term;

  for (guint k = 2; k < 40; k++)
    {
      term *= z2 / ((2.0 * k) * (2.0 * k + 1));
      sum += term;
      if (cabs (term) <= 1e-18 * cabs (sum))
        break;
    }
  return sum;
}

/* The finite-length Warburg elements, with s = √(jωτ) = √(ωτ/2)(1 + j):
 *   Wo: Z = Z₀ coth(s)/s,  ∂Z/∂τ = Z₀/(2τ) (−csch²s − coth(s)/s)
 *   Ws: Z = Z₀ tanh(s)/s,  ∂Z/∂τ = Z₀/(2τ) (sech²s − tanh(s)/s)
 * (ds/dτ = s/(2τ)).  coth and tanh are written with m = e^(−2s) − 1 (Re s
 * ≥ 0, so |e^(−2s)| ≤ 1 and nothing overflows): tanh s = −m/(2 + m),
 * coth s = (2 + m)/(−m); expm1 keeps m exact for small s, where 1 − e^(−2s)
 * would cancel.  Beyond |Re 2s| ≈ 745 e^(−2s) underflows and tanh = coth = 1
 * exactly. */
static double complex
warburg_eval (gboolean        reflective,
              double          z0,
              double          tau,
              double          omega,
              double complex *dz)
{
  double x = sqrt (0.5 * omega * tau);
  double complex s = CMPLX (x, x);
  double complex e2 = cexp (-2 * s);   /* e^(−2s) */
  double complex m = creal (e2) == 0 && cimag (e2) == 0 ? -1.0 : complex_expm1 (-2 * s);
  double complex ratio = reflective ? (2 + m) / (-m) : -m / (2 + m);   /* coth s or tanh s */
  double complex f = ratio / s;
  double complex dtau;

  if (dz == NULL)
    return z0 * f;

  if (reflective)
    {
      /* csch² s = 4 e^(−2s)/(1 − e^(−2s))² = 4 e^(−2s)/m². */
      double complex csch2 = 4 * e2 / (m * m);

      dtau = -csch2 - f;
    }
  else if (cabs (s) <= 1)
    {
      /* sech² s − tanh(s)/s = (2s − sinh 2s)/(2s cosh² s): the two terms
       * cancel to −2s²/3 for small s, so the difference is summed as a
       * series. */
      double complex c = ccosh (s);

      dtau = -sinh_minus_z (2 * s) / (2 * s * c * c);
    }
  else
    {
      /* sech² s = 4 e^(−2s)/(1 + e^(−2s))² = 4 e^(−2s)/(2 + m)². */
      double complex sech2 = 4 * e2 / ((2 + m) * (2 + m));

      dtau = sech2 - f;
    }
  dz[0] = f;
  dz[1] = z0 / (2 * tau) * dtau;
  return z0 * f;
}

static double complex
element_eval (ElementType     type,
              const double   *p,
              double          omega,
              double complex *dz)
{
  switch (type)
    {
    case ELEMENT_R:
      if (dz != NULL)
        dz[0] = 1;
      return p[0];
    case ELEMENT_C:
      /* 1/(jωC) = −j/(ωC) */
      if (dz != NULL)
        dz[0] = CMPLX (0, 1 / (omega * p[0] * p[0]));
      return CMPLX (0, -1 / (omega * p[0]));
    case ELEMENT_L:
      if (dz != NULL)
        dz[0] = CMPLX (0, omega);
      return CMPLX (0, omega * p[0]);
    case ELEMENT_CPE:
      {
        /* 1/(Q (jω)^α) = ω^(−α) e^(−jπα/2)/Q; ∂/∂α = −Z ln(jω). */
        double q = p[0], alpha = p[1];
        double log_omega = log (omega);
        double magnitude = exp (-alpha * log_omega) / q;
        double complex z = CMPLX (magnitude * cos (G_PI_2 * alpha),
                                  -magnitude * sin (G_PI_2 * alpha));

        if (dz != NULL)
          {
            dz[0] = -z / q;
            dz[1] = -z * CMPLX (log_omega, G_PI_2);
          }
        return z;
      }
    case ELEMENT_W:
      {
        /* A_W (1 − j)/√ω */
        double r = 1 / sqrt (omega);

        if (dz != NULL)
          dz[0] = CMPLX (r, -r);
        return CMPLX (p[0] * r, -p[0] * r);
      }
    case ELEMENT_WO:
      return warburg_eval (TRUE, p[0], p[1], omega, dz);
    case ELEMENT_WS:
      return warburg_eval (FALSE, p[0], p[1], omega, dz);
    default:
      g_assert_not_reached ();
    }
}

/* Z of @node; with @dz, ∂Z/∂p for the node's own parameter range (dz is
 * indexed by the global parameter number).  Parallel: Z = 1/Σ(1/Z_i), so
 * ∂Z/∂p = (Z/Z_i)² ∂Z_i/∂p for a parameter of branch i: each branch's
 * derivatives are scaled by 1/Z_i² as soon as Z_i is known, then the whole
 * range by Z² (no scratch memory). */
static double complex
node_eval (const Node     *node,
           const double   *params,
           double          omega,
           double complex *dz)
{
  switch (node->type)
    {
    case NODE_ELEMENT:
      return element_eval (node->element, params + node->first_param, omega,
                           dz != NULL ? dz + node->first_param : NULL);
    case NODE_SERIES:
      {
        double complex z = 0;

        for (guint i = 0; i < node->children->len; i++)
          z += node_eval (g_ptr_array_index (node->children, i), params, omega, dz);
        return z;
      }
    case NODE_PARALLEL:
      {
        double complex y = 0, z;

        for (guint i = 0; i < node->children->len; i++)
          {
            const Node *child = g_ptr_array_index (node->children, i);
            double complex y_i = 1 / node_eval (child, params, omega, dz);

            y += y_i;
            if (dz != NULL)
              for (guint k = child->first_param; k < child->first_param + child->n_params; k++)
                dz[k] *= y_i * y_i;
          }
        z = 1 / y;
        if (dz != NULL)
          for (guint k = node->first_param; k < node->first_param + node->n_params; k++)
            dz[k] *= z * z;
        return z;
      }
    default:
      g_assert_not_reached ();
    }
}

double complex
sp_circuit_eval (const SpCircuit *circuit,
                 const double    *params,
                 double           omega)
{
  g_return_val_if_fail (circuit != NULL && params != NULL, NAN);
  return node_eval (circuit->root, params, omega, NULL);
}

double complex
sp_circuit_eval_jacobian (const SpCircuit *circuit,
                          const double    *params,
                          double           omega,
                          double complex  *dz_dp)
{
  g_return_val_if_fail (circuit != NULL && params != NULL && dz_dp != NULL, NAN);
  return node_eval (circuit->root, params, omega, dz_dp);
}


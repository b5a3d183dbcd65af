/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-export-pins.c — pinned curves as extra CSV columns
 *
 * A figure's table gets, for each pin the figure draws, the pin's curve
 * as extra columns named "LABEL: NAME" (quoted as CSV quotes a field when
 * the label holds a comma or a quote), described in "# column" lines like
 * the others.  The composition curves share the table's grid
 * (c_i = (i + ½)/N for every analysis), so one column per pin; σ(k) and
 * the impedance curves have their own abscissae, which come along.  A pin
 * with more points than the table has rows adds rows, "nan" in the
 * table's own columns.  The phase diagram's pins come as its own long
 * table does (a row per temperature and gap: T, index, c_α, c_β and the
 * spinodal's edges), six columns per pin with rows of their own.  The
 * figures whose pins keep curves (sp_figure_kind_pins_curves()) get each
 * kept curve that figure draws as two columns, x and y as the figure
 * plots them (x once when the pin's curves share it).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-csv.h"
#include "sp-export-private.h"
#include "sp-figure-private.h"

typedef struct
{
  char         *name;     /* "LABEL: g_meV", quoted for CSV when needed */
  char         *meaning;
  guint         n;
  double       *values;   /* owned */
} Column;

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->name);
  g_free (column->meaning);
  g_free (column->values);
}

static char *
csv_field (const char *text)
{
  GString *s;

  if (strpbrk (text, ",\"\r\n") == NULL)
    return g_strdup (text);
  s = g_string_new ("\"");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

static void
add_column (GArray       *columns,
            const char   *label,
            const char   *name,
            const char   *meaning,
            const double *values,
            guint         n)
{
  g_autofree char *full = g_strdup_printf ("%s: %s", label, name);
  Column column = {
    csv_field (full),
    g_strdup_printf ("%s, pinned as \"%s\"", meaning, label),
    n,
    g_memdup2 (values, n * sizeof (double)),
  };

  g_array_append_val (columns, column);
}

/* The pin's phase diagram as its own long table's columns. */
static void
phase_columns (const SpPin *pin,
               GArray      *columns)
{
  static const char *const names[6] = {
    "temperature_K", "index", "c_alpha", "c_beta", "spinodal_lo", "spinodal_hi"
  };
  static const char *const meanings[6] = {
    "temperature (K)", "number of the gap / spinodal interval at that temperature, from 0",
    "binodal: Li-poor coexisting composition", "binodal: Li-rich coexisting composition",
    "spinodal: lower edge where g'' = 0", "spinodal: upper edge where g'' = 0"
  };
  const SpPhaseDiagram *pd = pin->analysis != NULL ? pin->analysis->phase : NULL;
  GArray *values[6];

  if (pd == NULL || pd->n_rows == 0)
    return;
  for (guint j = 0; j < 6; j++)
    values[j] = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint r = 0; r < pd->n_rows; r++)
    {
      const SpEquilibrium *eq = &pd->rows[r].eq;

      for (guint i = 0; i < MAX (MAX (eq->n_gaps, eq->n_spinodals), 1u); i++)
        {
          double row[6] = { pd->rows[r].temperature, i, NAN, NAN, NAN, NAN };

          if (i < eq->n_gaps)
            {
              row[2] = eq->gaps[i].c_alpha;
              row[3] = eq->gaps[i].c_beta;
            }
          if (i < eq->n_spinodals)
            {
              row[4] = eq->spinodals[i].lo;
              row[5] = eq->spinodals[i].hi;
            }
          for (guint j = 0; j < 6; j++)
            g_array_append_val (values[j], row[j]);
        }
    }
  for (guint j = 0; j < 6; j++)
    {
      add_column (columns, pin->label, names[j], meanings[j], (const double *) values[j]->data,
                  values[j]->len);
      g_array_unref (values[j]);
    }
}

/* The curves the pin kept of figure @kind, as @data's figure draws them. */
static void
curve_columns (SpFigureKind        kind,
               const SpFigureData *data,
               const SpPin        *pin,
               GArray             *columns)
{
  const SpPinCurve *previous = NULL;
  const char *id = sp_figure_kind_to_id (kind);
  const char *axes = sp_figure_pin_curves_axes (kind, data);

  for (guint k = 0; pin->curves != NULL && k < pin->curves->len; k++)
    {
      const SpPinCurve *curve = g_ptr_array_index (pin->curves, k);

      if (curve->n == 0 || !g_str_equal (curve->figure, id) || !g_str_equal (curve->axes, axes))
        continue;
      /* One x column for the curves on the same abscissae (MSD's directions). */
      if (previous == NULL || previous->n != curve->n || !g_str_equal (previous->x_name, curve->x_name)
          || memcmp (previous->x, curve->x, curve->n * sizeof (double)) != 0)
        {
          g_autofree char *meaning = g_strdup_printf ("%s, the abscissa of %s on the %s figure",
                                                      curve->x_name, curve->name, id);

          add_column (columns, pin->label, curve->x_name, meaning, curve->x, curve->n);
        }
      {
        g_autofree char *meaning = g_strdup_printf ("%s as the %s figure plots it (%s)",
                                                    curve->name, id,
                                                    curve->points ? "data points" : "a line");

        add_column (columns, pin->label, curve->name, meaning, curve->y, curve->n);
      }
      previous = curve;
    }
}

static void
pin_columns (SpFigureKind        kind,
             const SpFigureData *data,
             const SpPin        *pin,
             GArray             *columns)
{
  const SpAnalysis *a = pin->analysis;
  const SpEisSpectrum *s = pin->impedance;

  if (sp_figure_kind_pins_curves (kind))
    {
      curve_columns (kind, data, pin, columns);
      return;
    }
  switch (kind)
    {
    case SP_FIGURE_PHASE_DIAGRAM:
      phase_columns (pin, columns);
      break;
    case SP_FIGURE_FREE_ENERGY:
      if (a != NULL)
        add_column (columns, pin->label, "g_meV", "free energy g(c) (meV)", a->g, a->n_curve);
      break;
    case SP_FIGURE_OCV:
      if (a != NULL)
        add_column (columns, pin->label, "ocv_equilibrium_V", "equilibrium voltage (V)",
                    a->ocv_equilibrium, a->n_curve);
      break;
    case SP_FIGURE_DIFFUSIVITY:
      if (a != NULL)
        add_column (columns, pin->label, "dchem_nm2_per_s", "chemical diffusivity (nm^2/s)",
                    a->dchem, a->n_curve);
      break;
    case SP_FIGURE_DISPERSION:
      if (a != NULL)
        {
          add_column (columns, pin->label, "k_per_nm", "wavenumber k (1/nm)", a->k, a->n_k);
          add_column (columns, pin->label, "sigma_per_s", "growth rate sigma (1/s)", a->sigma,
                      a->n_k);
        }
      break;
    case SP_FIGURE_NYQUIST:
    case SP_FIGURE_BODE:
      if (s != NULL && s->n_points > 0)
        {
          add_column (columns, pin->label, "freq_hz", "frequency f (Hz)", s->freq_hz, s->n_points);
          add_column (columns, pin->label, "z_re_ohm", "Z' (ohm)", s->z_re_ohm, s->n_points);
          add_column (columns, pin->label, "z_im_ohm", "Z'' (ohm)", s->z_im_ohm, s->n_points);
        }
      break;
    default:
      break;
    }
}

static void
append_values (GString *out,
               GArray  *columns,
               guint    row)
{
  for (guint j = 0; j < columns->len; j++)
    {
      const Column *column = &g_array_index (columns, Column, j);

      g_string_append_c (out, ',');
      sp_csv_append_number (out, row < column->n ? column->values[row] : NAN, '\0');
      /* sp_csv_append_number writes the separator even when it is NUL. */
      if (out->len > 0 && out->str[out->len - 1] == '\0')
        g_string_truncate (out, out->len - 1);
    }
}

void
sp_export_csv_add_pins (GString            *csv,
                        SpFigureKind        kind,
                        const SpFigureData *data)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_auto(GStrv) lines = NULL;
  GString *out;
  guint n_table = 0, n_rows = 0, n_own = 0;
  gboolean header_done = FALSE;

  g_array_set_clear_func (columns, column_clear);
  for (guint p = 0; p < sp_pin_set_get_n (data->pins); p++)
    pin_columns (kind, data, sp_pin_set_get (data->pins, p), columns);
  if (columns->len == 0)
    return;
  for (guint j = 0; j < columns->len; j++)
    n_rows = MAX (n_rows, g_array_index (columns, Column, j).n);

  lines = g_strsplit (csv->str, "\n", -1);
  out = g_string_sized_new (csv->len + 64 * n_rows);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (line[0] == '\0' && lines[i + 1] == NULL)
        break;   /* the final newline */
      if (line[0] == '#')
        {
          g_string_append_printf (out, "%s\n", line);
          continue;
        }
      if (!header_done)
        {
          /* The pins' column comments go with the others, before the header. */
          for (guint j = 0; j < columns->len; j++)
            {
              const Column *column = &g_array_index (columns, Column, j);

              g_string_append_printf (out, "# column %s: %s\n", column->name, column->meaning);
            }
          g_string_append (out, line);
          for (guint j = 0; j < columns->len; j++)
            g_string_append_printf (out, ",%s", g_array_index (columns, Column, j).name);
          g_string_append_c (out, '\n');
          n_own = 1;
          for (const char *c = line; *c != '\0'; c++)
            n_own += *c == ',';
          header_done = TRUE;
          continue;
        }
      g_string_append (out, line);
      append_values (out, columns, n_table++);
      g_string_append_c (out, '\n');
    }
  /* Rows only the pins have. */
  for (guint r = n_table; r < n_rows; r++)
    {
      for (guint j = 0; j < n_own; j++)
        g_string_append (out, j == 0 ? "nan" : ",nan");
      append_values (out, columns, r);
      g_string_append_c (out, '\n');
    }
  g_string_assign (csv, out->str);
  g_string_free (out, TRUE);
}

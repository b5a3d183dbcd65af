/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-eis-read.c — the spectrum readers on files written here in each
 * format (as the instruments' software writes them), the numbers read
 * back bit for bit, the temperature from names and headers, and malformed
 * files each refused with the message naming the file, the line and the
 * problem */

#include "config.h"

#include <complex.h>
#include <math.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-eis-csv.h"
#include "sp-eis-read-private.h"
#include "test-tmpdir.h"

static char *tmpdir;

/* A two-arc ceramic with an electrode spike, high frequency first, and
 * one inductive point on top (Z″ > 0) as real cells have. */
#define N_REF 25

static void
reference (double f[N_REF],
           double re[N_REF],
           double im[N_REF])
{
  for (guint i = 0; i < N_REF; i++)
    {
      double freq = 1e6 * pow (10.0, -0.3 * i);
      double complex jw = I * 2 * G_PI * freq;
      double complex z = 12.5 + 1000.0 / (1 + 1000.0 * 3e-11 * cpow (jw, 0.95))
                         + 2500.0 / (1 + 2500.0 * 4e-9 * cpow (jw, 0.85))
                         + 1 / (2e-6 * cpow (jw, 0.8)) + jw * 2e-7;

      f[i] = freq;
      re[i] = creal (z);
      im[i] = cimag (z);
    }
}

static char *
write_file (const char *name,
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmpdir, name, NULL);

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

static SpEisSpectrum *
read_ok (const char *name,
         const char *contents,
         gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file (name, contents, len);
  SpEisSpectrum *s = sp_eis_read_file (path, &error);

  if (error != NULL)
    g_test_message ("%s: %s", name, error->message);
  g_assert_no_error (error);
  g_assert_nonnull (s);
  g_assert_cmpstr (s->name, ==, name);
  /* The bytes, as the app hands a drop over, give the same spectrum. */
  {
    g_autoptr(SpEisSpectrum) again =
      sp_eis_read_data (contents, len < 0 ? strlen (contents) : (gsize) len, name, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (again->n_points, ==, s->n_points);
    for (guint i = 0; i < s->n_points; i++)
      {
        g_assert_cmpfloat (again->freq_hz[i], ==, s->freq_hz[i]);
        g_assert_cmpfloat (again->z_re_ohm[i], ==, s->z_re_ohm[i]);
        g_assert_cmpfloat (again->z_im_ohm[i], ==, s->z_im_ohm[i]);
      }
  }
  g_remove (path);
  return s;
}

/* @s holds the reference, exactly (@tol 0) or to a relative @tol. */
static void
assert_reference (const SpEisSpectrum *s,
                  double               tol)
{
  double f[N_REF], re[N_REF], im[N_REF];

  reference (f, re, im);
  g_assert_cmpuint (s->n_points, ==, N_REF);
  for (guint i = 0; i < N_REF; i++)
    {
      if (tol == 0)
        {
          g_assert_cmpfloat (s->freq_hz[i], ==, f[i]);
          g_assert_cmpfloat (s->z_re_ohm[i], ==, re[i]);
          g_assert_cmpfloat (s->z_im_ohm[i], ==, im[i]);
        }
      else
        {
          double scale = hypot (re[i], im[i]);

          g_assert_cmpfloat_with_epsilon (s->freq_hz[i] / f[i], 1.0, tol);
          g_assert_cmpfloat_with_epsilon (s->z_re_ohm[i] / scale, re[i] / scale, tol);
          g_assert_cmpfloat_with_epsilon (s->z_im_ohm[i] / scale, im[i] / scale, tol);
        }
    }
}

/* "%.17g", with ',' as decimal point when @comma. */
static void
append_number (GString *out,
               double   value,
               gboolean comma)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.17g", value);
  if (comma)
    g_strdelimit (buf, ".", ',');
  g_string_append (out, buf);
}

/* The reference as rows; @what: "f re im" letters, '-' before im for −Z″,
 * 'k' for kΩ, 'm' for |Z| and phase (degrees), in that column order. */
static void
append_rows (GString    *out,
             const char *order,
             const char *sep,
             gboolean    comma,
             const char *eol)
{
  double f[N_REF], re[N_REF], im[N_REF];

  reference (f, re, im);
  for (guint i = 0; i < N_REF; i++)
    {
      for (const char *c = order; *c != '\0'; c++)
        {
          if (c != order)
            g_string_append (out, sep);
          switch (*c)
            {
            case 'f': append_number (out, f[i], comma); break;
            case 'r': append_number (out, re[i], comma); break;
            case 'i': append_number (out, im[i], comma); break;
            case 'n': append_number (out, -im[i], comma); break;
            case 'R': append_number (out, re[i] / 1e3, comma); break;
            case 'I': append_number (out, im[i] / 1e3, comma); break;
            case 'm': append_number (out, hypot (re[i], im[i]), comma); break;
            case 'p': append_number (out, atan2 (im[i], re[i]) * 180 / G_PI, comma); break;
            case 'q': append_number (out, -atan2 (im[i], re[i]) * 180 / G_PI, comma); break;
            case 'x': g_string_append (out, "7"); break;   /* a column nobody reads */
            default: g_assert_not_reached ();
            }
        }
      g_string_append (out, eol);
    }
}

/* ---- tables --------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *preamble;   /* lines before the header, or "" */
  const char *header;     /* NULL: no header row */
  const char *order;
  const char *sep;
  gboolean    comma;
  double      tol;        /* 0: bit for bit */
} TableCase;

static const TableCase table_cases[] = {
  /* Spinodal's own CSV style. */
  { "own.csv", "# spinodal 0.1\n# impedance spectrum\n", "freq_hz,z_re_ohm,z_im_ohm", "fri", ",", FALSE, 0 },
  { "plain.csv", "", "Frequency,Z',Z''", "fri", ",", FALSE, 0 },
  { "minus.csv", "", "freq (Hz), Z' (Ohm), -Z'' (Ohm)", "frn", ", ", FALSE, 0 },
  { "excel.csv", "", "\"Frequency (Hz)\",\"Z' (Ω)\",\"-Z'' (Ω)\"", "frn", ",", FALSE, 0 },
  { "semicolon.csv", "Messung;Zelle 3\n", "Freq/Hz;Re(Z)/Ohm;-Im(Z)/Ohm", "frn", ";", TRUE, 0 },
  { "tabs.tsv", "", "frequency / Hz\tZreal / Ohm\tZimag / Ohm", "fri", "\t", FALSE, 0 },
  { "tabs-comma.txt", "", "f\tZ'\t-Z''", "frn", "\t", TRUE, 0 },
  { "blanks.txt", "", "f  Z'  -Z''", "frn", "   ", FALSE, 0 },
  { "blanks-names.txt", "", "Frequency (Hz)    Z' (Ohm)    Z'' (Ohm)", "fri", "    ", FALSE, 0 },
  { "unicode.csv", "", "f/Hz,Z′/Ω,−Z″/Ω", "frn", ",", FALSE, 0 },
  { "shuffled.csv", "", "Z_im_ohm,extra,Z_re_ohm,Freq_Hz", "ixrf", ",", FALSE, 0 },
  { "kohm.csv", "", "f (Hz),Z' (kOhm),Z'' (kOhm)", "fRI", ",", FALSE, 1e-15 },
  { "polar.csv", "", "Freq (Hz),|Z| (Ohm),Phase (deg)", "fmp", ",", FALSE, 1e-13 },
  { "polar-minus.csv", "", "|Z|/Ohm;-Phase(Z)/deg;freq/Hz", "mqf", ";", TRUE, 1e-13 },
  { "units-row.csv", "", "Freq,Zreal,Zimag\nHz,ohm,ohm", "fri", ",", FALSE, 0 },
  { "numpy.txt", "", "# f Z' Z''", "fri", " ", FALSE, 0 },
  /* No header: by order; Z″ or −Z″ from the sign of the bulk. */
  { "bare.csv", "", NULL, "fri", ",", FALSE, 0 },
  { "bare-minus.csv", "", NULL, "frn", ",", FALSE, 0 },
  { "bare-blanks.dat", "", NULL, "frn", " ", FALSE, 0 },
  { "bare-comma.txt", "", NULL, "fri", "\t", TRUE, 0 },
  { "bare-decimal-comma.txt", "", NULL, "frn", " ", TRUE, 0 },
  { "bare-extra.csv", "Title line\n\n", NULL, "frix", ",", FALSE, 0 },
  /* Autolab NOVA's export; ZView's text export. */
  { "nova.txt", "", "Index;Frequency (Hz);Z' (Ω);-Z'' (Ω);Z (Ω);-Phase (°);Time (s)", "xfrnmqx", ";", TRUE, 0 },
  { "zview.txt", "", "Freq(Hz)\tZ'(a)\tZ''(b)", "fri", "\t", FALSE, 0 },
  /* A header nobody recognises is a title. */
  { "german.csv", "", "Frequenz;Realteil;Imaginärteil", "fri", ";", TRUE, 0 },
};

static void
test_tables (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (table_cases); k++)
    {
      const TableCase *c = &table_cases[k];
      const char *eols[] = { "\n", "\r\n" };

      for (guint e = 0; e < G_N_ELEMENTS (eols); e++)
        {
          GString *text = g_string_new (c->preamble);
          g_autoptr(SpEisSpectrum) s = NULL;

          if (c->header != NULL)
            g_string_append_printf (text, "%s\n", c->header);
          append_rows (text, c->order, c->sep, c->comma, eols[e]);
          g_test_message ("%s (%s)", c->name, e == 0 ? "LF" : "CRLF");
          s = read_ok (c->name, text->str, -1);
          assert_reference (s, c->tol);
          g_assert_true (isnan (s->temperature_k));
          g_string_free (text, TRUE);
        }
    }
}

/* A spreadsheet's UTF-8 BOM; Windows-1252 (°, µ) in a preamble; UTF-16. */
static void
test_encodings (void)
{
  GString *text = g_string_new ("\xEF\xBB\xBF" "f,Z',Z''\r\n");
  g_autoptr(SpEisSpectrum) bom = NULL;
  g_autoptr(SpEisSpectrum) cp1252 = NULL;
  g_autoptr(SpEisSpectrum) utf16 = NULL;

  append_rows (text, "fri", ",", FALSE, "\r\n");
  bom = read_ok ("bom.csv", text->str, -1);
  assert_reference (bom, 0);

  g_string_assign (text, "Cell at 80 \xB0" "C, 5 \xB5m electrode\nf;Z';Z''\n");
  append_rows (text, "fri", ";", TRUE, "\n");
  cp1252 = read_ok ("cp1252.csv", text->str, -1);
  assert_reference (cp1252, 0);
  g_assert_true (isnan (cp1252->temperature_k));

  {
    GString *plain = g_string_new ("f,Z',Z''\n");
    g_autofree gunichar2 *u16 = NULL;
    glong n16 = 0;
    GByteArray *bytes = g_byte_array_new ();
    const guint8 bom16[] = { 0xFF, 0xFE };

    append_rows (plain, "fri", ",", FALSE, "\n");
    u16 = g_utf8_to_utf16 (plain->str, -1, NULL, &n16, NULL);
    g_byte_array_append (bytes, bom16, 2);
    for (glong i = 0; i < n16; i++)
      {
        guint8 le[2] = { u16[i] & 0xFF, u16[i] >> 8 };
        g_byte_array_append (bytes, le, 2);
      }
    utf16 = read_ok ("utf16.csv", (const char *) bytes->data, bytes->len);
    assert_reference (utf16, 0);
    g_byte_array_unref (bytes);
    g_string_free (plain, TRUE);
  }
  g_string_free (text, TRUE);
}

/* ---- vendor formats ------------------------------------------------------- */

static void
test_gamry (void)
{
  double f[N_REF], re[N_REF], im[N_REF];
  GString *text = g_string_new (NULL);
  g_autoptr(SpEisSpectrum) s = NULL;
  SpEisFormat format;
  g_autoptr(GError) error = NULL;

  reference (f, re, im);
  g_string_append (text,
    "EXPLAIN\r\n"
    "TAG\tEISPOT\r\n"
    "TITLE\tLABEL\tPotentiostatic EIS\tTest &Identifier\r\n"
    "DATE\tLABEL\t3/14/2026\tDate\r\n"
    "TIME\tLABEL\t10:21:07\tTime\r\n"
    "NOTES\tNOTES\t1\t&Notes...\r\n"
    "\tLLZO pellet, Au electrodes, 1.02 mm\r\n"
    "PSTAT\tPSTAT\tREF600-12345\tPotentiostat\r\n"
    "VDC\tPOTEN\t0.00000E+000\tT\tDC &Voltage (V)\r\n"
    "FREQINIT\tQUANT\t1.00000E+006\tInitial Fre&q. (Hz)\r\n"
    "FREQFINAL\tQUANT\t1.00000E-001\tFinal Fre&q. (Hz)\r\n"
    "PTSPERDEC\tQUANT\t1.00000E+001\tPoints/&decade\r\n"
    "VAC\tQUANT\t1.00000E+001\tAC &Voltage (mV rms)\r\n"
    "AREA\tQUANT\t1.00000E+000\t&Area (cm^2)\r\n"
    "OCVCURVE\tTABLE\t3\r\n"
    "\tPt\tT\tVf\tVm\tAch\tOver\tTemp\r\n"
    "\t#\ts\tV vs. Ref.\tV\tV\tbits\tdeg C\r\n"
    "\t0\t0.5\t1.0E-003\t1.0E-003\t0\t...........\t0\r\n"
    "\t1\t1.0\t1.1E-003\t1.1E-003\t0\t...........\t0\r\n"
    "EOC\tQUANT\t1.1E-003\tOpen Circuit (V)\r\n"
    "ZCURVE\tTABLE\r\n"
    "\tPt\tTime\tFreq\tZreal\tZimag\tZsig\tZmod\tZphz\tIdc\tVdc\tIERange\r\n"
    "\t#\ts\tHz\tohm\tohm\tV\tohm\t\xB0\tA\tV\t#\r\n");
  for (guint i = 0; i < N_REF; i++)
    g_string_append_printf (text, "\t%u\t%u\t%.17g\t%.17g\t%.17g\t1\t%.17g\t%.6g\t1E-09\t1E-03\t5\r\n",
                            i, 2 * i + 3, f[i], re[i], im[i], hypot (re[i], im[i]),
                            atan2 (im[i], re[i]) * 180 / G_PI);
  g_string_append (text, "EXPERIMENTABORTED\tTOGGLE\tF\tExperiment Aborted\r\n");
  s = read_ok ("LLZO_25C.DTA", text->str, -1);
  assert_reference (s, 0);
  g_assert_cmpfloat (s->temperature_k, ==, 298.15);

  /* Content, not extension. */
  g_clear_pointer (&s, sp_eis_spectrum_free);
  s = sp_eis_read_data_full (text->str, text->len, "export.txt", &format, &error);
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, SP_EIS_FORMAT_GAMRY);
  assert_reference (s, 0);
  g_string_free (text, TRUE);
}

static GString *
biologic_text (gboolean comma)
{
  double f[N_REF], re[N_REF], im[N_REF];
  GString *text = g_string_new (NULL);
  const char *pre[] = {
    "EC-Lab ASCII FILE",
    NULL, /* Nb header lines */
    "",
    "Potentio Electrochemical Impedance Spectroscopy",
    "",
    "Run on channel : 3 (SN 12345)",
    "Electrode connection : standard",
    "Ewe ctrl range : min = -10,00 V, max = 10,00 V",
    "Acquisition started on : 03/14/2026 10:21:07.000",
    "Saved on :",
    "\tFile : LLZO_C03.mpr",
    "Device : VMP-300 (SN 0815)",
    "Cell temperature : 80 \xB0" "C",
    "Electrode surface area : 0,785 cm\xB2",
    "fi = 1,000 MHz",
    "ff = 100,000 mHz",
    "Nd = 10",
    "",
  };
  guint n_header = G_N_ELEMENTS (pre) + 1;

  reference (f, re, im);
  for (guint i = 0; i < G_N_ELEMENTS (pre); i++)
    {
      if (pre[i] == NULL)
        g_string_append_printf (text, "Nb header lines : %u    ", n_header);
      else
        g_string_append (text, pre[i]);
      g_string_append (text, "\r\n");
    }
  g_string_append (text, "freq/Hz\tRe(Z)/Ohm\t-Im(Z)/Ohm\t|Z|/Ohm\tPhase(Z)/deg\ttime/s\t<Ewe>/V\t"
                         "<I>/mA\tCs/\xB5" "F\tCp/\xB5" "F\tcycle number\tI Range\t|Ewe|/V\t|I|/A\t"
                         "Ns\t(Q-Qo)/mA.h\tRe(Y)/Ohm-1\tIm(Y)/Ohm-1\t|Y|/Ohm-1\tPhase(Y)/deg\t"
                         "dq/mA.h\r\n");
  for (guint i = 0; i < N_REF; i++)
    {
      append_number (text, f[i], comma);
      g_string_append_c (text, '\t');
      append_number (text, re[i], comma);
      g_string_append_c (text, '\t');
      append_number (text, -im[i], comma);
      g_string_append_c (text, '\t');
      append_number (text, hypot (re[i], im[i]), comma);
      g_string_append_c (text, '\t');
      append_number (text, atan2 (im[i], re[i]) * 180 / G_PI, comma);
      g_string_append (text, comma ? "\t1,5E+001\t1,2E-004\t3,1E-006\t1,0E-001\t2,0E-001\t"
                                     "1,000000000000000E+000\t12\t5,0E-003\t1,0E-006\t0\t0,0\t"
                                     "1,0E-003\t-1,0E-003\t1,4E-003\t45\t0,0\r\n"
                                   : "\t1.5E+001\t1.2E-004\t3.1E-006\t1.0E-001\t2.0E-001\t"
                                     "1.000000000000000E+000\t12\t5.0E-003\t1.0E-006\t0\t0.0\t"
                                     "1.0E-003\t-1.0E-003\t1.4E-003\t45\t0.0\r\n");
    }
  return text;
}

static void
test_biologic (void)
{
  for (int comma = 0; comma <= 1; comma++)
    {
      GString *text = biologic_text (comma);
      g_autoptr(SpEisSpectrum) s = read_ok ("LLZO_C03.mpt", text->str, -1);

      assert_reference (s, 0);
      /* From the header ("Cell temperature : 80 °C"): the name is silent. */
      g_assert_cmpfloat_with_epsilon (s->temperature_k, 353.15, 1e-12);
      g_string_free (text, TRUE);
    }
}

static void
test_zplot (void)
{
  double f[N_REF], re[N_REF], im[N_REF];
  GString *text = g_string_new (NULL);
  g_autoptr(SpEisSpectrum) s = NULL;

  reference (f, re, im);
  g_string_append (text,
    "ZPLOT2 ASCII\r\n"
    "  Measured Data, ZPlot:       3.5f\r\n"
    "  Experiment Type:            Sweep Frequency, Control Voltage\r\n"
    "  Date:                       03-14-2026\r\n"
    "  Time:                       10:21:07\r\n"
    "  Open Circuit Potential (V): 0.0012\r\n"
    "  Begin User Comments:        0\r\n"
    "  End User Comments:          0\r\n"
    "  Begin Experiment:           0\r\n"
    "    Potential-DC:             0\r\n"
    "    Potential-AC:             10\r\n"
    "    Integration Time:         1\r\n"
    "  End Experiment:             0\r\n"
    "  Temperature (C):            150\r\n"
    "End Header:\r\n"
    "Begin Comments:\r\n"
    "  YSZ 8 mol%, Pt paste\r\n"
    "End Comments:\r\n");
  for (guint i = 0; i < N_REF; i++)
    g_string_append_printf (text, "  %.17g,  10,  0,  %u,  %.17g,  %.17g,  0,  0,  5\r\n",
                            f[i], 3 * i, re[i], im[i]);
  s = read_ok ("ysz.z", text->str, -1);
  assert_reference (s, 0);
  g_assert_cmpfloat_with_epsilon (s->temperature_k, 423.15, 1e-12);

  /* A three-column .z (ZView's own export): f, Z′, Z″. */
  g_string_assign (text, "ZPLOT2 ASCII\nEnd Comments:\n");
  append_rows (text, "fri", ", ", FALSE, "\n");
  g_clear_pointer (&s, sp_eis_spectrum_free);
  s = read_ok ("ysz_300K.z", text->str, -1);
  assert_reference (s, 0);
  g_assert_cmpfloat (s->temperature_k, ==, 300);
  g_string_free (text, TRUE);
}

/* ---- temperature ---------------------------------------------------------- */

static void
test_temperature_names (void)
{
  const struct { const char *name; double kelvin; } cases[] = {
    { "LLZO_25C.csv", 298.15 },
    { "pellet 25 °C.txt", 298.15 },
    { "pellet_25°C.txt", 298.15 },
    { "pellet_25℃.txt", 298.15 },
    { "298K.csv", 298 },
    { "T=300K.csv", 300 },
    { "run_150C_1.csv", 423.15 },
    { "/data/2026/LLZO/sample_150c.dta", 423.15 },
    { "Li6PS5Cl_25C.mpt", 298.15 },     /* "5Cl" is no temperature */
    { "LLZO-25C.csv", 298.15 },         /* '-' separates */
    { "cell_-20C.csv", 253.15 },        /* '_-' : a sign */
    { "T=-20C.csv", 253.15 },
    { "sample_25.5C.csv", 298.65 },
    { "sample_25,5C.csv", 298.65 },
    { "a_25C_298.15K.csv", 298.15 },    /* two, agreeing */
    { "a_25C_300K.csv", NAN },          /* two, disagreeing */
    { "R1.5C.csv", NAN },
    { "sample.csv", NAN },
    { "10kHz_1MHz.csv", NAN },
    { "cell_5K.csv", 5 },
    { "cell_0K.csv", NAN },
    { "cell_-300C.csv", NAN },
    { "25C/sample.csv", NAN },          /* a directory says nothing */
    { "", NAN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double k = sp_eis_temperature_from_name (cases[i].name);

      g_test_message ("%s", cases[i].name);
      if (isnan (cases[i].kelvin))
        g_assert_true (isnan (k));
      else
        g_assert_cmpfloat_with_epsilon (k, cases[i].kelvin, 1e-9);
    }
}

static void
test_temperature_lines (void)
{
  const struct { const char *line; double kelvin; } cases[] = {
    { "Temperature (K): 298", 298 },
    { "# T = 25 °C", 298.15 },
    { "# temperature_K = 300", 300 },
    { "Temp/°C: 80", 353.15 },
    { "TEMPERATURE: 423.15 K", 423.15 },
    { "Cell temperature : 80 °C", 353.15 },
    { "  Temperature [C] = 25,5", 298.65 },
    { "Time (s): 25", NAN },
    { "T = 25", NAN },                 /* no unit: not guessed */
    { "Temperature: room", NAN },
    { "AT = 5 K", NAN },
    { "# temperature_k = 250 K", 250 },
    { "# reference_temperature_k = 298.15 K (rb_ohm and rgb_ohm are given there)", NAN },
    { "# temperature_c = 25", 298.15 },
    { "", NAN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double k = sp_eis_temperature_from_line (cases[i].line);

      g_test_message ("%s", cases[i].line);
      if (isnan (cases[i].kelvin))
        g_assert_true (isnan (k));
      else
        g_assert_cmpfloat_with_epsilon (k, cases[i].kelvin, 1e-9);
    }
}

/* The name first, then the header; a header below the table is no header. */
static void
test_temperature_priority (void)
{
  GString *text = g_string_new ("# T = 25 °C\nf,Z',Z''\n");
  g_autoptr(SpEisSpectrum) named = NULL;
  g_autoptr(SpEisSpectrum) header = NULL;

  append_rows (text, "fri", ",", FALSE, "\n");
  named = read_ok ("cell_300K.csv", text->str, -1);
  g_assert_cmpfloat (named->temperature_k, ==, 300);
  header = read_ok ("cell.csv", text->str, -1);
  g_assert_cmpfloat_with_epsilon (header->temperature_k, 298.15, 1e-12);
  g_string_free (text, TRUE);
}

/* What spinodal-cli eis simulate writes (sp-eis-csv) reads back bit for
 * bit, with its temperature, and the model's reference temperature in an
 * earlier comment line is not taken for it. */
static void
test_own_csv (void)
{
  g_autoptr(SpEisSpectrum) s = sp_eis_spectrum_new (N_REF);
  const char *const comments[] = { "reference_temperature_k = 298.15 K", "Rb = 3692.8 Ohm", NULL };
  g_autoptr(GString) csv = NULL;
  g_autoptr(SpEisSpectrum) back = NULL;

  reference (s->freq_hz, s->z_re_ohm, s->z_im_ohm);
  s->temperature_k = 250;
  csv = sp_eis_csv_spectrum (s, "impedance of a ceramic", comments);
  back = read_ok ("simulated.csv", csv->str, csv->len);
  assert_reference (back, 0);
  g_assert_cmpfloat (back->temperature_k, ==, 250);
}

/* ---- malformed files ------------------------------------------------------ */

typedef struct
{
  const char *name;
  const char *contents;
  int         code;
  const char *message;
} BadFile;

static const BadFile bad_files[] = {
  { "pellet.csv",
    "1e6,10,-1\n1e5,11,-2\n1e4,12,-3\n1e3,13,-4\n1e2,14,-5\n1e1,15,-6\n1e0,16,-7\n1e-1,17,-8\n"
    "1e-2,18,-9\n1e-3,19,-10\n1e-4,20,-11\n1e-5,21,-12\n1e-6,22,-13\n1e-7,23,-14\n"
    "1e-8,24,-15\n1e-9,25,-16\n1e-10,abc,-17\n",
    SP_EIS_READ_ERROR_VALUE, "pellet.csv, line 17: expected 3 numbers, found “abc”" },
  { "short.csv", "1e6,10,-1\n1e5,11\n1e4,12,-3\n",
    SP_EIS_READ_ERROR_VALUE, "short.csv, line 2: expected 3 numbers, found 2" },
  { "named.csv", "# cell 4\nfreq,Z',Z''\n1e6,10,-1\n1e5,11,x\n",
    SP_EIS_READ_ERROR_VALUE, "named.csv, line 4: expected a number in column “Z''”, found “x”" },
  { "named-short.csv", "freq;Zreal;Zimag\n1e6;10;-1\n1e5;11\n",
    SP_EIS_READ_ERROR_VALUE, "named-short.csv, line 3: expected 3 columns, found 2" },
  { "nan.csv", "f,Z',Z''\n1e6,10,-1\n1e5,NaN,-2\n1e4,12,-3\n",
    SP_EIS_READ_ERROR_VALUE, "nan.csv, line 3: “NaN” is not a finite number" },
  { "inf.csv", "1e6 10 -1\n1e5 11 -2\n1e4 1e999 -3\n",
    SP_EIS_READ_ERROR_VALUE, "inf.csv, line 3: “1e999” is not a finite number" },
  { "zero-f.csv", "1e6,10,-1\n0,11,-2\n1e4,12,-3\n",
    SP_EIS_READ_ERROR_VALUE, "zero-f.csv, line 2: the frequency must be positive, found “0”" },
  { "neg-f.tsv", "f\tZ'\tZ''\n\n1e6\t10\t-1\n-1e5\t11\t-2\n",
    SP_EIS_READ_ERROR_VALUE, "neg-f.tsv, line 4: the frequency must be positive, found “-1e5”" },
  { "two.csv", "freq,Z',Z''\n1e6,10,-1\n1e5,11,-2\n\n",
    SP_EIS_READ_ERROR_TOO_FEW, "two.csv: 2 data points; a spectrum needs at least 3" },
  { "empty.csv", "", SP_EIS_READ_ERROR_EMPTY, "empty.csv: the file is empty" },
  { "blank.csv", "\n  \r\n\t\n", SP_EIS_READ_ERROR_EMPTY, "blank.csv: the file holds only blank lines" },
  { "words.csv", "This is a note,\nnot a spectrum.\n",
    SP_EIS_READ_ERROR_FORMAT, "words.csv: no table of numbers found (rows of frequency, Z′ and Z″)" },
  { "columns.csv", "freq,Z_a,Z_b\n1e6,10,-1\n1e5,11,-2\n1e4,12,-3\n",
    SP_EIS_READ_ERROR_FORMAT,
    "columns.csv, line 1: cannot tell the columns: a frequency and Z′ and Z″ (or |Z| and phase) "
    "are needed; the header has “freq”, “Z_a”, “Z_b”" },
  { "trailer.csv", "f,Z',Z''\n1e6,10,-1\n1e5,11,-2\n1e4,12,-3\nEnd of data\n",
    SP_EIS_READ_ERROR_VALUE, "trailer.csv, line 5: expected 3 columns, found 1" },
  { "gamry.DTA", "EXPLAIN\nTAG\tCV\nCURVE\tTABLE\n\tPt\tT\tVf\n\t0\t1\t2\n",
    SP_EIS_READ_ERROR_FORMAT, "gamry.DTA: a Gamry file without an impedance table (no “ZCURVE” line)" },
  { "gamry-bad.DTA",
    "EXPLAIN\nTAG\tEISPOT\nZCURVE\tTABLE\n\tPt\tTime\tFreq\tZreal\tZimag\n\t#\ts\tHz\tohm\tohm\n"
    "\t0\t1\t1E+06\t10\t-1\n\t1\t2\t1E+05\t11\t-2\n\t2\t3\t1E+04\t1.2.3\t-3\n",
    SP_EIS_READ_ERROR_VALUE, "gamry-bad.DTA, line 8: expected a number in column “Zreal”, found “1.2.3”" },
  { "cv.mpt", "EC-Lab ASCII FILE\nNb header lines : 4\n\nmode\tox/red\ttime/s\tEwe/V\n1\t0\t0.1\t3.3\n",
    SP_EIS_READ_ERROR_FORMAT,
    "cv.mpt, line 4: cannot tell the columns: a frequency and Z′ and Z″ (or |Z| and phase) are "
    "needed; the header has “mode”, “ox/red”, “time/s”, “Ewe/V”" },
  { "count.mpt", "EC-Lab ASCII FILE\nNb header lines : 99\n\nfreq/Hz\tRe(Z)/Ohm\t-Im(Z)/Ohm\n",
    SP_EIS_READ_ERROR_FORMAT, "count.mpt, line 2: “Nb header lines” must count 3 to 4 lines" },
  { "cut.z", "ZPLOT2 ASCII\n  Date: 03-14-2026\n1e6, 10, 0, 0, 10, -1\n",
    SP_EIS_READ_ERROR_FORMAT, "cut.z: a ZPlot file without its “End Comments” line" },
  { "zplot-short.z", "ZPLOT2 ASCII\nEnd Comments:\n1e6, 10, 0, 0, 10, -1\n1e5, 10, 0, 1\n",
    SP_EIS_READ_ERROR_VALUE, "zplot-short.z, line 4: expected 6 columns, found 4" },
  { "binary.csv", "PK\003\004\024\000\006\000\010\000\000\000!\000",
    SP_EIS_READ_ERROR_BINARY, "binary.csv: not a text file (a zero byte at offset 5)" },
};

static void
test_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      const BadFile *b = &bad_files[i];
      gsize len = g_str_equal (b->name, "binary.csv") ? 14 : strlen (b->contents);
      g_autofree char *path = write_file (b->name, b->contents, len);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) error_data = NULL;
      g_autoptr(SpEisSpectrum) s = sp_eis_read_file (path, &error);
      g_autoptr(SpEisSpectrum) s_data = sp_eis_read_data (b->contents, len, b->name, &error_data);

      g_test_message ("%s", b->name);
      g_assert_null (s);
      g_assert_error (error, SP_EIS_READ_ERROR, b->code);
      g_assert_cmpstr (error->message, ==, b->message);
      g_assert_null (s_data);
      g_assert_cmpstr (error_data->message, ==, b->message);
      g_remove (path);
    }
}

/* Control characters and invalid bytes without a zero byte. */
static void
test_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);

  for (guint trial = 0; trial < 200; trial++)
    {
      guint len = g_rand_int_range (rand, 1, 600);
      g_autofree char *bytes = g_malloc (len);
      g_autoptr(GError) error = NULL;
      g_autoptr(SpEisSpectrum) s = NULL;

      for (guint i = 0; i < len; i++)
        bytes[i] = (char) g_rand_int_range (rand, 0, 256);
      s = sp_eis_read_data (bytes, len, "noise.bin", &error);
      /* Noise is refused, with a message that names the file. */
      g_assert_null (s);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "noise.bin"));
    }
  {
    const char text[] = "\x01\x02\x03\x04\x05\x06\x07\x08 1,2,3\n";
    g_autoptr(GError) error = NULL;

    g_assert_null (sp_eis_read_data (text, sizeof text - 1, "ctrl.csv", &error));
    g_assert_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_BINARY);
    g_assert_cmpstr (error->message, ==, "ctrl.csv: not a text file (8 control characters)");
  }
}

/* The size limit both the spectrum and the Arrhenius readers apply: the
 * limit itself passes, one byte more does not. */
static void
test_size_limit (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_eis_read_check_size ("edge.csv", SP_EIS_READ_MAX_BYTES, &error));
  g_assert_no_error (error);
  g_assert_false (sp_eis_read_check_size ("huge.csv", 40 * 1000 * 1000, &error));
  g_assert_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "huge.csv: the file is 40.0\u00a0MB, more than the 33.6\u00a0MB a spectrum file may have");
  g_clear_error (&error);
  g_assert_false (sp_eis_read_check_size ("over.csv", (guint64) SP_EIS_READ_MAX_BYTES + 1, &error));
  g_assert_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_TOO_LARGE);
}

static void
test_huge (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "huge.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpEisSpectrum) s = NULL;
  FILE *file = fopen (path, "w");

  /* A sparse 40 MB file: refused from its size, never read. */
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, 40 * 1000 * 1000 - 1, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('\n', file), ==, '\n');
  fclose (file);
  s = sp_eis_read_file (path, &error);
  g_assert_null (s);
  g_assert_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "huge.csv: the file is 40.0\u00a0MB, more than the 33.6\u00a0MB a spectrum file may have");
  g_remove (path);

  {
    gsize len = SP_EIS_READ_MAX_BYTES + 1;
    g_autofree char *bytes = g_malloc (len);

    memset (bytes, '1', len);
    g_clear_error (&error);
    g_assert_null (sp_eis_read_data (bytes, len, "dropped.csv", &error));
    g_assert_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_TOO_LARGE);
  }

  /* Small in bytes, huge in lines or fields: refused before splitting. */
  {
    gsize len = 2 * 1500000;
    g_autofree char *bytes = g_malloc (len);

    for (gsize i = 0; i < len; i += 2)
      {
        bytes[i] = '1';
        bytes[i + 1] = '\n';
      }
    g_clear_error (&error);
    g_assert_null (sp_eis_read_data (bytes, len, "lines.csv", &error));
    g_assert_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_TOO_LARGE);
    g_assert_cmpstr (error->message, ==, "lines.csv: more than 1000000 lines; a spectrum file has far fewer");
  }
  {
    GString *text = g_string_new ("f,Z',Z''\n1,2,3\n");
    gsize len;
    g_autofree char *bytes = NULL;

    for (guint i = 0; i < 70000; i++)
      g_string_append_c (text, ',');
    len = text->len;
    bytes = g_string_free (text, FALSE);
    g_clear_error (&error);
    g_assert_null (sp_eis_read_data (bytes, len, "commas.csv", &error));
    g_assert_error (error, SP_EIS_READ_ERROR, SP_EIS_READ_ERROR_FORMAT);
    g_assert_cmpstr (error->message, ==, "commas.csv, line 3: longer than 65536 bytes; not a table of numbers");
  }
}

static void
test_missing (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "nowhere.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (sp_eis_read_file (path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_true (g_str_has_prefix (error->message, "nowhere.csv: cannot open it: "));
  g_clear_error (&error);
  g_assert_null (sp_eis_read_file (tmpdir, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_true (g_str_has_suffix (error->message, ": not a regular file"));
}

static void
test_suffixes (void)
{
  const char *const *suffixes = sp_eis_read_suffixes ();
  g_autofree char *joined = g_strjoinv (",", (char **) suffixes);

  g_assert_cmpstr (joined, ==, "csv,tsv,txt,dat,z,dta,mpt");
  g_assert_cmpstr (sp_eis_format_to_string (SP_EIS_FORMAT_GAMRY), ==, "gamry");
  g_assert_cmpstr (sp_eis_format_to_string (SP_EIS_FORMAT_BIOLOGIC), ==, "biologic");
  g_assert_cmpstr (sp_eis_format_to_string (SP_EIS_FORMAT_ZPLOT), ==, "zplot");
  g_assert_cmpstr (sp_eis_format_to_string (SP_EIS_FORMAT_TABLE), ==, "table");
}

/* The fuzzer's seed files are real spectra in each format. */
static void
test_fuzz_seeds (void)
{
  const struct { const char *file; double kelvin; } seeds[] = {
    { "table.csv", NAN }, { "semicolon-comma.csv", NAN }, { "bare.txt", NAN },
    { "polar.tsv", NAN }, { "gamry.DTA", NAN }, { "biologic.mpt", 353.15 },
    { "zplot.z", 423.15 },
  };
  g_autoptr(SpEisSpectrum) first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "eis-read",
                                                     seeds[i].file, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(SpEisSpectrum) s = sp_eis_read_file (path, &error);

      g_test_message ("%s", seeds[i].file);
      g_assert_no_error (error);
      g_assert_cmpuint (s->n_points, ==, 8);
      if (isnan (seeds[i].kelvin))
        g_assert_true (isnan (s->temperature_k));
      else
        g_assert_cmpfloat_with_epsilon (s->temperature_k, seeds[i].kelvin, 1e-12);
      if (first == NULL)
        first = sp_eis_spectrum_copy (s);
      /* The same spectrum, to the 4 to 6 digits each file was written with. */
      for (guint k = 0; k < 8; k++)
        {
          double scale = hypot (first->z_re_ohm[k], first->z_im_ohm[k]);

          g_assert_cmpfloat_with_epsilon (s->freq_hz[k] / first->freq_hz[k], 1, 1e-5);
          g_assert_cmpfloat_with_epsilon ((s->z_re_ohm[k] - first->z_re_ohm[k]) / scale, 0, 1e-4);
          g_assert_cmpfloat_with_epsilon ((s->z_im_ohm[k] - first->z_im_ohm[k]) / scale, 0, 1e-4);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  sp_gsl_init ();
  tmpdir = test_tmpdir_new ("test-eis-read");

  g_test_add_func ("/eis-read/tables", test_tables);
  g_test_add_func ("/eis-read/encodings", test_encodings);
  g_test_add_func ("/eis-read/own-csv", test_own_csv);
  g_test_add_func ("/eis-read/gamry", test_gamry);
  g_test_add_func ("/eis-read/biologic", test_biologic);
  g_test_add_func ("/eis-read/zplot", test_zplot);
  g_test_add_func ("/eis-read/temperature/names", test_temperature_names);
  g_test_add_func ("/eis-read/temperature/lines", test_temperature_lines);
  g_test_add_func ("/eis-read/temperature/priority", test_temperature_priority);
  g_test_add_func ("/eis-read/malformed", test_malformed);
  g_test_add_func ("/eis-read/garbage", test_garbage);
  g_test_add_func ("/eis-read/huge", test_huge);
  g_test_add_func ("/eis-read/size-limit", test_size_limit);
  g_test_add_func ("/eis-read/missing", test_missing);
  g_test_add_func ("/eis-read/fuzz-seeds", test_fuzz_seeds);
  g_test_add_func ("/eis-read/suffixes", test_suffixes);

  status = g_test_run ();
  test_tmpdir_remove (tmpdir);
  g_free (tmpdir);
  return status;
}

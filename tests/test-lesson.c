/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lesson.c — the lesson parser: a good file read field by field,
 * every malformed case refused with its own line-numbered message, the
 * figure and markup check, the quantities against the analysis, the
 * shipped lessons (every file, every language, the same steps and
 * settings in every translation) and the language fallback */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-analysis.h"
#include "sp-gsl.h"
#include "sp-lesson-check.h"
#include "sp-lesson.h"
#include "sp-presets.h"

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sample.lesson", NULL);
}

static void
test_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SpLesson) lesson = sp_lesson_open_checked (path, &error);
  SpLessonStep *step;
  SpLessonQuestion *q;
  SpLessonSetting *setting;

  g_assert_no_error (error);
  g_assert_nonnull (lesson);
  g_assert_cmpstr (lesson->filename, ==, "sample.lesson");
  g_assert_cmpstr (lesson->title, ==, "Why an electrode <i>mixes</i> or separates");
  g_assert_cmpstr (lesson->lab, ==, "phase-separation");
  g_assert_cmpstr (lesson->description, ==,
                   "Free energy, the common tangent, and the miscibility gap.");
  g_assert_cmpuint (lesson->steps->len, ==, 3);

  step = g_ptr_array_index (lesson->steps, 0);
  g_assert_cmpstr (step->title, ==, "The free energy of mixing");
  g_assert_cmpuint (step->line, ==, 7);
  g_assert_cmpstr (step->page, ==, "overview");
  g_assert_cmpstr (step->preset, ==, "textbook");
  g_assert_cmpuint (step->settings->len, ==, 2);
  setting = g_ptr_array_index (step->settings, 0);
  g_assert_cmpstr (setting->key, ==, "omega");
  g_assert_cmpstr (setting->value, ==, "100");
  g_assert_cmpuint (setting->line, ==, 10);
  g_assert_cmpstrv (step->locks, ((const char *[]) { "omega", "temperature", NULL }));
  g_assert_cmpstrv (step->highlights, ((const char *[]) { "free-energy", "temperature", NULL }));
  g_assert_cmpint (step->simulation, ==, SP_LESSON_SIMULATION_NONE);
  g_assert_cmpuint (step->paragraphs->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (step->paragraphs, 0), ==,
                   "The free energy g(c) = Ω c(1 − c) + k<sub>B</sub>T[c ln c + (1 − c) ln(1 − c)] "
                   "balances <b>bonds</b> against entropy.");
  g_assert_cmpuint (g_array_index (step->paragraph_lines, guint, 0), ==, 15);
  g_assert_cmpuint (g_array_index (step->paragraph_lines, guint, 1), ==, 18);
  g_assert_cmpuint (step->questions->len, ==, 1);
  q = g_ptr_array_index (step->questions, 0);
  g_assert_cmpint (q->kind, ==, SP_LESSON_QUESTION_CHOICE);
  g_assert_cmpuint (q->line, ==, 20);
  g_assert_cmpuint (q->choices->len, ==, 3);
  g_assert_false (((SpLessonChoice *) g_ptr_array_index (q->choices, 0))->correct);
  g_assert_true (((SpLessonChoice *) g_ptr_array_index (q->choices, 1))->correct);
  g_assert_cmpstr (((SpLessonChoice *) g_ptr_array_index (q->choices, 1))->text, ==,
                   "Two, one near each end");
  g_assert_cmpstr (q->answer, ==, "The entropy term is steepest at the ends, so two minima remain.");

  step = g_ptr_array_index (lesson->steps, 1);
  g_assert_cmpint (step->simulation, ==, SP_LESSON_SIMULATION_RESET);
  g_assert_null (step->preset);
  g_assert_cmpuint (g_strv_length (step->locks), ==, 0);
  q = g_ptr_array_index (step->questions, 0);
  g_assert_cmpint (q->kind, ==, SP_LESSON_QUESTION_MARKER);
  g_assert_cmpstr (q->marker_figure, ==, "free-energy");
  g_assert_cmpint (q->marker_quantity, ==, SP_LESSON_QUANTITY_BINODAL_LOW);
  g_assert_cmpfloat (q->marker_tolerance, ==, 0.03);
  g_assert_cmpuint (q->choices->len, ==, 0);

  step = g_ptr_array_index (lesson->steps, 2);
  g_assert_cmpstr (step->page, ==, "impedance");
  g_assert_cmpint (step->simulation, ==, SP_LESSON_SIMULATION_RUN);
  setting = g_ptr_array_index (step->settings, 0);
  g_assert_cmpstr (setting->key, ==, "impedance.rb_ohm");
  g_assert_cmpstrv (step->locks, ((const char *[]) { "impedance.rb_ohm", NULL }));
}

/* A lesson around one bad line, and the message it must give. */
typedef struct
{
  const char *text;
  const char *message;   /* the whole message, file and line included */
} Bad;

#define HEAD "# Title\n\n## Step\n"

static const Bad bad_cases[] = {
  { "", "bad.lesson:1: the lesson has no title (a first line “# …”)" },
  { "% only a comment\n", "bad.lesson:1: the lesson has no title (a first line “# …”)" },
  { "Some text\n# Title\n", "bad.lesson:1: the lesson must begin with its title (a line “# …”)" },
  { "@lab x\n", "bad.lesson:1: the lesson must begin with its title (a line “# …”)" },
  { "## Step\ntext\n", "bad.lesson:1: the lesson must begin with its title (a line “# …”)" },
  { "# Title\n", "bad.lesson:1: the lesson has no steps (a line “## …” begins one)" },
  { "# Title\n# Again\n", "bad.lesson:2: a second title (“# …”): a lesson has one; steps begin with “## ”" },
  { "#\n", "bad.lesson:1: the title after “#” is empty" },
  { "# Title\n##\ntext\n", "bad.lesson:2: the step has no title after “##”" },
  { HEAD "@lok omega\ntext\n",
    "bad.lesson:4: unknown directive “@lok” (expected @page, @preset, @set, @lock, @highlight, "
    "@simulation, @question, @choice, @choice*, @marker, @conceal, @answer)" },
  { HEAD "text\n@conceal free-energy\n",
    "bad.lesson:5: @conceal outside a question (write “@question …” first)" },
  { HEAD "text\n@question Q?\n@choice* a\n@choice b\n@conceal\n",
    "bad.lesson:8: @conceal needs at least one figure (“@conceal free-energy”)" },
  { HEAD "text\n@question Q?\n@choice* a\n@choice b\n@conceal ocv\n@conceal free-energy\n",
    "bad.lesson:9: @conceal appears twice in this question (name every figure on one line)" },
  { HEAD "text\n@question Q?\n@choice* a\n@choice b\n@conceal ocv free-energy ocv\n",
    "bad.lesson:8: @conceal names “ocv” twice" },
  { HEAD "text\n@question Q?\n@choice* a\n@choice b\n@answer A.\n@conceal ocv\n",
    "bad.lesson:9: @conceal after the question’s @answer" },
  { "# Title\n@conceal ocv\n",
    "bad.lesson:2: @conceal before the first step (a line “## …” begins one)" },
  { "# Title\n@page overview\n",
    "bad.lesson:2: @page before the first step (a line “## …” begins one)" },
  { "# Title\n@frobnicate\n",
    "bad.lesson:2: unknown directive “@frobnicate” (expected @lab or @description before the first step)" },
  { HEAD "text\n@lab x\n", "bad.lesson:5: @lab belongs before the first step (“## …”)" },
  { "# T\n@lab a\n@lab b\n## S\nx\n", "bad.lesson:3: @lab appears twice" },
  { HEAD "@page nowhere\ntext\n",
    "bad.lesson:4: unknown page “nowhere” (expected overview, simulation, impedance, hopping)" },
  { HEAD "@page overview\n@page simulation\ntext\n", "bad.lesson:5: @page appears twice in this step" },
  { HEAD "@preset unobtainium\ntext\n", NULL },   /* the presets module's message, after "@preset: " */
  { HEAD "@set omeg 100\ntext\n",
    "bad.lesson:4: unknown key “omeg” in @set (expected a model key: omega, temperature, s1, "
    "stiffness, kappa, rk, d0, v0, c0, mobility; a simulation key: problem, init, grid, length, "
    "noise, seed, dt_max, tolerance, steps_per_frame, drive.mode, drive.c_rate, drive.voltage, "
    "drive.k0, drive.alpha, drive.v_cutoff_lo, drive.v_cutoff_hi, drive.c_lo, drive.c_hi; or a page’s key as PAGE.KEY)" },
  { HEAD "@set omega\ntext\n", "bad.lesson:4: @set needs a key and a value (“@set omega 100”)" },
  { HEAD "@set omega 1\n@set omega 2\ntext\n", "bad.lesson:5: “omega” is set twice in this step" },
  { HEAD "@set nowhere.key 1\ntext\n",
    "bad.lesson:4: unknown page “nowhere” in “nowhere.key” of @set (expected overview, "
    "simulation, impedance, hopping)" },
  { HEAD "@set mobility sideways\ntext\n", NULL },  /* the session's message */
  { HEAD "@set temperature -5\ntext\n", NULL },
  { HEAD "@lock omega omeg\ntext\n", NULL },
  { HEAD "@lock\ntext\n", "bad.lesson:4: @lock needs at least one name" },
  { HEAD "@simulation fly\ntext\n",
    "bad.lesson:4: unknown @simulation “fly” (expected run, pause or reset)" },
  { HEAD "@simulation run\n@simulation pause\ntext\n",
    "bad.lesson:5: @simulation appears twice in this step" },
  { HEAD "@choice x\ntext\n", "bad.lesson:4: @choice outside a question (write “@question …” first)" },
  { HEAD "@answer x\ntext\n", "bad.lesson:4: @answer outside a question (write “@question …” first)" },
  { HEAD "text\n@question Q?\n@choice a\n@choice b\n",
    "bad.lesson:5: the question has no right choice (mark it “@choice*”)" },
  { HEAD "text\n@question Q?\n@choice* a\n@choice* b\n",
    "bad.lesson:5: the question has 2 right choices (mark exactly one “@choice*”)" },
  { HEAD "text\n@question Q?\n@choice* a\n",
    "bad.lesson:5: the question has only one choice (it needs at least two)" },
  { HEAD "text\n@question Q?\n@answer A\n",
    "bad.lesson:5: the question has neither choices (@choice) nor a marker (@marker)" },
  { HEAD "text\n@question\n", "bad.lesson:5: @question needs its question on the line" },
  { HEAD "text\n@question Q?\n@choice* a\n@choice b\n@marker free-energy binodal-low 0.1\n",
    "bad.lesson:8: a question has either choices or a marker, not both" },
  { HEAD "text\n@question Q?\n@marker free-energy binodal-low 0.1\n@choice* a\n",
    "bad.lesson:7: a question has either choices or a marker, not both" },
  { HEAD "text\n@question Q?\n@marker free-energy binodal-middle 0.1\n",
    "bad.lesson:6: unknown quantity “binodal-middle” in @marker (expected binodal-low, "
    "binodal-high, spinodal-low, spinodal-high, critical-temperature, plateau-voltage, "
    "fastest-wavelength)" },
  { HEAD "text\n@question Q?\n@marker free-energy binodal-low -1\n",
    "bad.lesson:6: the marker’s tolerance must be a positive number, got “-1”" },
  { HEAD "text\n@question Q?\n@marker free-energy binodal-low\n",
    "bad.lesson:6: @marker needs a figure, a quantity and a tolerance "
    "(“@marker free-energy binodal-low 0.03”)" },
  { HEAD "text\n@question Q?\n@choice* a\n@choice b\n@answer A\n@choice c\n",
    "bad.lesson:9: @choice after the question’s @answer" },
  { HEAD "@page overview\n", "bad.lesson:3: the step “Step” has no text" },
  { HEAD "text\n## Second\n@set omega 90\n", "bad.lesson:5: the step “Second” has no text" },
  { "# Title\n\n## Step\nok\n\xff\xfe\n", "bad.lesson:5: not UTF-8 text (save the file as UTF-8)" },
};

static void
test_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpLesson) lesson = sp_lesson_parse (bad_cases[i].text, -1, "bad.lesson", &error);

      if (lesson != NULL)
        g_error ("case %u was accepted:\n%s", i, bad_cases[i].text);
      g_assert_nonnull (error);
      g_assert_true (error->domain == SP_LESSON_ERROR);
      g_assert_true (error->code == SP_LESSON_ERROR_INVALID || error->code == SP_LESSON_ERROR_PARSE);
      if (bad_cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, bad_cases[i].message);
      else
        {
          g_assert_true (g_str_has_prefix (error->message, "bad.lesson:4: "));
          g_assert_cmpint (error->code, ==, SP_LESSON_ERROR_INVALID);
        }
    }
}

static void
test_malformed_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpLesson) lesson = NULL;

  /* The session's own range check speaks, after the line. */
  lesson = sp_lesson_parse (HEAD "@set temperature -5\ntext\n", -1, "bad.lesson", &error);
  g_assert_null (lesson);
  g_assert_true (g_str_has_prefix (error->message,
                                   "bad.lesson:4: @set temperature -5: session.model.temperature: "));
  g_clear_error (&error);
  lesson = sp_lesson_parse (HEAD "@preset unobtainium\ntext\n", -1, "bad.lesson", &error);
  g_assert_nonnull (strstr (error->message, "unobtainium"));
  g_assert_nonnull (strstr (error->message, "lifepo4"));
  g_clear_error (&error);
  lesson = sp_lesson_parse (HEAD "@lock omega omeg\ntext\n", -1, "bad.lesson", &error);
  g_assert_true (g_str_has_prefix (error->message, "bad.lesson:4: unknown key “omeg” in @lock"));
  g_clear_error (&error);
  /* Charging: a drive key names the drive's members when it is wrong … */
  lesson = sp_lesson_parse (HEAD "@set drive.rate 1\ntext\n", -1, "bad.lesson", &error);
  g_assert_null (lesson);
  g_assert_cmpstr (error->message, ==,
                   "bad.lesson:4: unknown key “drive.rate” in @set (expected drive.mode, "
                   "drive.c_rate, drive.voltage, drive.k0, drive.alpha, drive.v_cutoff_lo, "
                   "drive.v_cutoff_hi, drive.c_lo, drive.c_hi)");
  g_clear_error (&error);
  lesson = sp_lesson_parse (HEAD "@set drive.c_rate 1e9\ntext\n", -1, "bad.lesson", &error);
  g_assert_null (lesson);
  g_assert_true (g_str_has_prefix (error->message,
                                   "bad.lesson:4: @set drive.c_rate 1e9: session.simulation.drive.c_rate: "));
  g_clear_error (&error);
  /* … and a right one is taken, for @set and @lock alike. */
  lesson = sp_lesson_parse (HEAD "@set drive.mode galvanostatic\n@set drive.c_rate 0.1\n"
                            "@lock drive.c_rate drive.mode\ntext\n", -1, "good.lesson", &error);
  g_assert_no_error (error);
  g_assert_nonnull (lesson);
}

static const char *const good_markers[] = {
  "free-energy binodal-low", "ocv binodal-high", "phase-diagram binodal-low",
  "free-energy spinodal-high", "ocv spinodal-low", "phase-diagram spinodal-high",
  "diffusivity spinodal-low", "phase-diagram critical-temperature", "ocv plateau-voltage",
  "dispersion fastest-wavelength",
};

static void
test_check (void)
{
  static const Bad cases[] = {
    { HEAD "@highlight free-energy nyquistt\ntext\n", "bad.lesson:4: unknown figure “nyquistt” in @highlight" },
    { HEAD "@highlight all\ntext\n", "bad.lesson:4: unknown figure “all” in @highlight" },
    { HEAD "text\n@question Q?\n@marker freeenergy binodal-low 0.1\n",
      "bad.lesson:6: unknown figure “freeenergy” in @marker" },
    /* A marker is dragged on a figure that shows its quantity. */
    { HEAD "text\n@question Q?\n@marker free-energy critical-temperature 10\n",
      "bad.lesson:6: the figure “free-energy” does not show critical-temperature, so the marker "
      "cannot be dragged there (use phase-diagram)" },
    { HEAD "text\n@question Q?\n\n@marker phase-diagram plateau-voltage 0.01\n",
      "bad.lesson:7: the figure “phase-diagram” does not show plateau-voltage, so the marker "
      "cannot be dragged there (use ocv)" },
    { HEAD "text\n@question Q?\n@marker ocv fastest-wavelength 1\n",
      "bad.lesson:6: the figure “ocv” does not show fastest-wavelength, so the marker "
      "cannot be dragged there (use dispersion)" },
    { HEAD "text\n@question Q?\n@marker dispersion binodal-low 0.03\n",
      "bad.lesson:6: the figure “dispersion” does not show binodal-low, so the marker "
      "cannot be dragged there (use free-energy, ocv, phase-diagram)" },
    { HEAD "text\n@question Q?\n@marker diffusivity binodal-high 0.03\n",
      "bad.lesson:6: the figure “diffusivity” does not show binodal-high" },
    { HEAD "text\n@question Q?\n@marker field spinodal-low 0.03\n",
      "bad.lesson:6: the figure “field” does not show spinodal-low, so the marker "
      "cannot be dragged there (use free-energy, ocv, phase-diagram, diffusivity)" },
          { HEAD "text\n@question Q?\n@choice* a\n@choice b\n@conceal free-energy ocvv\n",
      "bad.lesson:8: unknown figure “ocvv” in @conceal (expected free-energy, ocv, " },
    { HEAD "text\n@question Q?\n@choice* a\n@choice b\n@conceal all\n",
      "bad.lesson:8: unknown figure “all” in @conceal" },
    { HEAD "text\n@question Q?\n@choice* a\n@choice b\n@conceal omega\n",
      "bad.lesson:8: unknown figure “omega” in @conceal" },
    { HEAD "a <b>bold\n", "bad.lesson:4: not valid markup" },
    { HEAD "x\n\nR < 5 Ω\n", "bad.lesson:6: not valid markup" },
    { HEAD "x\n@question Q?\n@choice* a & b\n@choice c\n", "bad.lesson:6: not valid markup" },
    { HEAD "x\n@question Q?\n@choice* a\n@choice c\n@answer <i>a\n", "bad.lesson:8: not valid markup" },
    { "# T <b\n## S\nx\n", "bad.lesson:1: not valid markup" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpLesson) lesson = sp_lesson_parse (cases[i].text, -1, "bad.lesson", &error);

      g_assert_no_error (error);
      g_assert_false (sp_lesson_check (lesson, &error));
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: “%s” does not begin with “%s”", i, error->message, cases[i].message);
    }
  /* Every figure that shows a quantity takes its marker. */
  for (guint i = 0; i < G_N_ELEMENTS (good_markers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = g_strdup_printf (HEAD "text\n@question Q?\n@marker %s 0.5\n",
                                               good_markers[i]);
      g_autoptr(SpLesson) lesson = sp_lesson_parse (text, -1, "good.lesson", &error);

      g_assert_no_error (error);
      if (!sp_lesson_check (lesson, &error))
        g_error ("“%s”: %s", good_markers[i], error->message);
    }
}

/* @conceal: the figures and "readouts" a question hides until its reveal,
 * in the order written, on the question that names them only. */
static void
test_conceal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpLesson) lesson =
    sp_lesson_parse (HEAD "text\n"
                     "@question What does g(c) look like?\n"
                     "@choice* One minimum\n"
                     "@choice Two minima\n"
                     "@conceal free-energy   phase-diagram\treadouts\n"
                     "@answer One.\n"
                     "\n"
                     "@question Drag it.\n"
                     "@marker free-energy binodal-low 0.03\n"
                     "@conceal ocv\n"
                     "\n"
                     "@question Again?\n"
                     "@choice* Yes\n"
                     "@choice No\n", -1, "good.lesson", &error);
  SpLessonStep *step;
  SpLessonQuestion *q;

  g_assert_no_error (error);
  g_assert_nonnull (lesson);
  g_assert_true (sp_lesson_check (lesson, &error));
  g_assert_no_error (error);
  step = g_ptr_array_index (lesson->steps, 0);
  g_assert_cmpuint (step->questions->len, ==, 3);
  q = g_ptr_array_index (step->questions, 0);
  g_assert_cmpstrv (q->conceal, ((const char *[]) { "free-energy", "phase-diagram",
                                                    SP_LESSON_CONCEAL_READOUTS, NULL }));
  g_assert_cmpuint (q->conceal_line, ==, 8);
  g_assert_cmpstr (q->answer, ==, "One.");
  g_assert_cmpuint (q->choices->len, ==, 2);
  q = g_ptr_array_index (step->questions, 1);
  g_assert_cmpint (q->kind, ==, SP_LESSON_QUESTION_MARKER);
  g_assert_cmpstrv (q->conceal, ((const char *[]) { "ocv", NULL }));
  g_assert_cmpuint (q->conceal_line, ==, 13);
  q = g_ptr_array_index (step->questions, 2);
  g_assert_cmpstrv (q->conceal, ((const char *[]) { NULL }));
  g_assert_cmpuint (q->conceal_line, ==, 0);
}

static void
test_keys (void)
{
  g_autofree char *page = NULL, *key = NULL;

  g_assert_true (sp_lesson_key_is_session ("omega"));
  g_assert_true (sp_lesson_key_is_session ("steps_per_frame"));
  g_assert_false (sp_lesson_key_is_session ("impedance.rb_ohm"));
  g_assert_true (sp_lesson_key_is_session ("drive.c_rate"));
  g_assert_true (sp_lesson_key_is_session ("drive.mode"));
  g_assert_false (sp_lesson_key_is_session ("drive.colour"));
  g_assert_false (sp_lesson_key_is_session ("drive"));
  g_assert_true (sp_lesson_key_split_page ("impedance.explore.r_b_ohm", &page, &key));
  g_assert_cmpstr (page, ==, "impedance");
  g_assert_cmpstr (key, ==, "explore.r_b_ohm");
  g_assert_false (sp_lesson_key_split_page ("omega", NULL, NULL));
  g_assert_false (sp_lesson_key_split_page (".x", NULL, NULL));
  g_assert_false (sp_lesson_key_split_page ("a.", NULL, NULL));
  g_assert_false (sp_lesson_key_split_page ("a..b", NULL, NULL));
  g_assert_false (sp_lesson_key_split_page ("A.b", NULL, NULL));

  {
    g_autoptr(JsonNode) i = sp_lesson_value_to_node ("128");
    g_autoptr(JsonNode) d = sp_lesson_value_to_node ("0.25");
    g_autoptr(JsonNode) b = sp_lesson_value_to_node ("true");
    g_autoptr(JsonNode) s = sp_lesson_value_to_node ("site-blocking");
    g_autoptr(JsonNode) a = sp_lesson_value_to_node ("[1, 2, 0, 0]");

    g_assert_cmpint (json_node_get_value_type (i), ==, G_TYPE_INT64);
    g_assert_cmpint (json_node_get_int (i), ==, 128);
    g_assert_cmpfloat (json_node_get_double (d), ==, 0.25);
    g_assert_true (json_node_get_boolean (b));
    g_assert_cmpstr (json_node_get_string (s), ==, "site-blocking");
    g_assert_true (JSON_NODE_HOLDS_ARRAY (a));
  }
}

static void
test_apply_session_setting (void)
{
  g_auto(SpSession) session = { 0 };
  g_auto(SpSession) before = { 0 };
  g_autoptr(GError) error = NULL;

  sp_session_init_default (&session);
  sp_session_copy (&before, &session);
  g_assert_true (sp_lesson_apply_session_setting (&session, "omega", "93.25", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (session.sim.model.omega, ==, 93.25);
  /* Exactly that one field moved. */
  session.sim.model.omega = before.sim.model.omega;
  g_assert_true (sp_session_equal (&session, &before));

  g_assert_true (sp_lesson_apply_session_setting (&session, "grid", "128", &error));
  g_assert_cmpuint (session.sim.n, ==, 128);
  g_assert_true (sp_lesson_apply_session_setting (&session, "mobility", "constant", &error));
  g_assert_cmpint (session.sim.model.mobility, ==, SP_MOBILITY_CONSTANT);

  g_assert_false (sp_lesson_apply_session_setting (&session, "omega", "lots", &error));
  g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "session.model.omega: "));
  g_assert_cmpuint (session.sim.n, ==, 128);   /* unchanged on the error */
  g_clear_error (&error);

  /* The drive: one member at a time, each keeping the others, even while
   * the box is closed (a closed session's file leaves the drive out). */
  g_assert_cmpint (session.sim.drive.mode, ==, SP_DRIVE_CLOSED);
  g_assert_true (sp_lesson_apply_session_setting (&session, "drive.c_rate", "0.1", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (session.sim.drive.c_rate, ==, 0.1);
  g_assert_true (sp_lesson_apply_session_setting (&session, "drive.k0", "0.00362", &error));
  g_assert_cmpfloat (session.sim.drive.c_rate, ==, 0.1);
  g_assert_cmpfloat (session.sim.drive.k0, ==, 0.00362);
  g_assert_true (sp_lesson_apply_session_setting (&session, "drive.mode", "cycle", &error));
  g_assert_cmpint (session.sim.drive.mode, ==, SP_DRIVE_CYCLE);
  g_assert_cmpfloat (session.sim.drive.c_rate, ==, 0.1);
  g_assert_cmpfloat (session.sim.drive.k0, ==, 0.00362);
  g_assert_cmpuint (session.sim.n, ==, 128);
  /* The session's own checks judge the value, and name it. */
  g_assert_false (sp_lesson_apply_session_setting (&session, "drive.alpha", "1.5", &error));
  g_assert_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "session.simulation.drive.alpha: "));
  g_clear_error (&error);
  g_assert_false (sp_lesson_apply_session_setting (&session, "drive.mode", "sideways", &error));
  g_assert_nonnull (strstr (error->message, "session.simulation.drive.mode"));
  g_clear_error (&error);
  g_assert_false (sp_lesson_apply_session_setting (&session, "drive.colour", "red", &error));
  g_assert_nonnull (strstr (error->message, "drive.colour"));
  g_assert_cmpint (session.sim.drive.mode, ==, SP_DRIVE_CYCLE);   /* unchanged on the errors */
}

static void
test_quantities (void)
{
  g_autoptr(SpPreset) preset = sp_presets_lookup ("textbook", NULL);
  g_autoptr(SpAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  SpModel model = preset->model;
  double value;

  model.c0 = 0.5;
  analysis = sp_analysis_new (&model);
  g_assert_true (analysis->eq.n_gaps > 0);
  g_assert_true (sp_lesson_quantity_value (SP_LESSON_QUANTITY_BINODAL_LOW, analysis, &value, &error));
  g_assert_cmpfloat (value, ==, analysis->eq.gaps[0].c_alpha);
  g_assert_true (sp_lesson_quantity_value (SP_LESSON_QUANTITY_BINODAL_HIGH, analysis, &value, &error));
  g_assert_cmpfloat (value, ==, analysis->eq.gaps[0].c_beta);
  g_assert_true (sp_lesson_quantity_value (SP_LESSON_QUANTITY_SPINODAL_LOW, analysis, &value, &error));
  g_assert_cmpfloat (value, ==, analysis->eq.spinodals[0].lo);
  g_assert_true (sp_lesson_quantity_value (SP_LESSON_QUANTITY_PLATEAU_VOLTAGE, analysis, &value, &error));
  g_assert_cmpfloat (value, ==, analysis->eq.gaps[0].voltage);
  g_assert_true (sp_lesson_quantity_value (SP_LESSON_QUANTITY_FASTEST_WAVELENGTH, analysis, &value, &error));
  g_assert_cmpfloat (value, ==, analysis->dispersion.lambda_star);
  g_assert_true (sp_lesson_quantity_value (SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE, analysis, &value, &error));
  /* The regular solution's closed form: T_c = Ω / (2 k_B) (S1 = K = 0 in
   * the textbook preset). */
  if (model.s1 == 0 && model.stiffness == 0 && model.rk[0] == 0)
    g_assert_cmpfloat_with_epsilon (value, model.omega / (2.0 * 8.617333262e-2), 1e-6 * value);
  g_assert_cmpfloat (value, ==, analysis->t_c);
  g_assert_no_error (error);

  /* Above T_c: no gap, a clear message. */
  g_clear_pointer (&analysis, sp_analysis_unref);
  model.temperature = sp_param_range (SP_PARAM_TEMPERATURE)->max;
  model.omega = sp_param_range (SP_PARAM_OMEGA)->min;
  analysis = sp_analysis_new (&model);
  g_assert_false (sp_lesson_quantity_value (SP_LESSON_QUANTITY_BINODAL_LOW, analysis, &value, &error));
  g_assert_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "binodal-low"));
}

static void
test_names (void)
{
  g_autofree char *a = sp_lesson_name_from_filename ("/x/mixing.de.lesson");
  g_autofree char *b = sp_lesson_name_from_filename ("mixing.lesson");
  g_autofree char *c = sp_lesson_name_from_filename ("uphill-diffusion.zh_CN.lesson");

  g_assert_cmpstr (a, ==, "mixing");
  g_assert_cmpstr (b, ==, "mixing");
  g_assert_cmpstr (c, ==, "uphill-diffusion");
  g_assert_cmpstr (sp_lesson_quantity_to_id (SP_LESSON_QUANTITY_PLATEAU_VOLTAGE), ==, "plateau-voltage");
  g_assert_cmpstr (sp_lesson_quantity_unit (SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE), ==, "K");
}

static void
test_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpLesson) lesson = NULL;

  lesson = sp_lesson_open ("/nonexistent/dir/gone.lesson", &error);
  g_assert_null (lesson);
  g_assert_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "gone.lesson: "));
  g_clear_error (&error);

  lesson = sp_lesson_open ("no-such-lesson", &error);
  g_assert_null (lesson);
  g_assert_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-lesson"));
  g_clear_error (&error);

  lesson = sp_lesson_load_shipped ("../etc/passwd", NULL, &error);
  g_assert_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_NOT_FOUND);
}

/* The settings of a step as "key=value" lines, for comparing translations. */
static char *
settings_signature (const SpLesson *lesson)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lesson->steps->len; i++)
    {
      const SpLessonStep *step = g_ptr_array_index (lesson->steps, i);
      g_autofree char *locks = g_strjoinv (",", step->locks);
      g_autofree char *highlights = g_strjoinv (",", step->highlights);

      g_string_append_printf (out, "step %u page=%s preset=%s sim=%d locks=%s highlights=%s\n", i,
                              step->page, step->preset, step->simulation, locks, highlights);
      for (guint j = 0; j < step->settings->len; j++)
        {
          const SpLessonSetting *s = g_ptr_array_index (step->settings, j);
          g_string_append_printf (out, "  %s=%s\n", s->key, s->value);
        }
      for (guint j = 0; j < step->questions->len; j++)
        {
          const SpLessonQuestion *q = g_ptr_array_index (step->questions, j);
          g_string_append_printf (out, "  question kind=%d choices=%u", q->kind, q->choices->len);
          for (guint k = 0; k < q->choices->len; k++)
            g_string_append_printf (out, "%s", ((SpLessonChoice *) g_ptr_array_index (q->choices, k))->correct ? "*" : "-");
          if (q->kind == SP_LESSON_QUESTION_MARKER)
            g_string_append_printf (out, " marker=%s %d %g", q->marker_figure, q->marker_quantity,
                                    q->marker_tolerance);
          for (guint k = 0; q->conceal[k] != NULL; k++)
            g_string_append_printf (out, "%s%s", k == 0 ? " conceal=" : ",", q->conceal[k]);
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

/* Every file in data/lessons is in the resource, and every shipped file
 * parses and checks; every translation has the original's steps. */
static void
test_shipped (void)
{
  g_auto(GStrv) files = sp_lesson_list_shipped_files ();
  g_auto(GStrv) names = sp_lesson_list_shipped ();
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "data", "lessons", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *entry;
  guint on_disk = 0;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, SP_LESSON_SUFFIX))
      {
        if (!g_strv_contains ((const char *const *) files, entry))
          g_error ("data/lessons/%s is missing from spinodal-lessons.gresource.xml", entry);
        on_disk++;
      }
  g_assert_cmpuint (on_disk, ==, g_strv_length (files));

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *name = sp_lesson_name_from_filename (files[i]);
      const char *lang = files[i] + strlen (name);
      g_autofree char *language = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SpLesson) lesson = NULL;
      g_autoptr(SpLesson) original = NULL;
      g_autofree char *a = NULL, *b = NULL;

      /* ".de.lesson" → "de"; ".lesson" → none. */
      if (g_str_equal (lang, SP_LESSON_SUFFIX))
        language = g_strdup ("C");
      else
        language = g_strndup (lang + 1, strlen (lang) - 1 - strlen (SP_LESSON_SUFFIX));
      lesson = sp_lesson_load_shipped (name, (const char *[]) { language, NULL }, &error);
      if (lesson == NULL)
        g_error ("%s: %s", files[i], error->message);
      g_assert_cmpstr (lesson->filename, ==, files[i]);
      if (!sp_lesson_check (lesson, &error))
        g_error ("%s", error->message);
      g_assert_cmpuint (lesson->steps->len, >=, 1);

      g_assert_true (g_strv_contains ((const char *const *) names, name));
      original = sp_lesson_load_shipped (name, (const char *[]) { "C", NULL }, &error);
      g_assert_no_error (error);
      a = settings_signature (original);
      b = settings_signature (lesson);
      if (g_strcmp0 (a, b) != 0)
        g_error ("%s does not do what %s.lesson does:\n%s\nagainst\n%s", files[i], name, b, a);
    }
}

/* The shipped lessons come in teaching order, (a) mixing first, as
 * data/lessons/lessons.order lists them: each shipped lesson once, and
 * no name without its lesson. */
static void
test_shipped_order (void)
{
  static const char *const teaching[] = {
    "mixing", "nucleation", "strain-entropy", "voltage", "uphill-diffusion", "charging",
    "impedance", "diffusion-error",
  };
  g_auto(GStrv) names = sp_lesson_list_shipped ();
  g_auto(GStrv) order = sp_lesson_list_shipped_order ();
  g_auto(GStrv) files = sp_lesson_list_shipped_files ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "lessons",
                                                 SP_LESSON_ORDER_FILE, NULL);
  g_autofree char *on_disk = NULL;

  /* The resource holds the file in the source tree. */
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  {
    g_autoptr(GBytes) bytes = g_resources_lookup_data (SP_LESSON_RESOURCE_PATH "/" SP_LESSON_ORDER_FILE,
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

    g_assert_nonnull (bytes);
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                     on_disk, strlen (on_disk));
  }

  /* Each name of the list is a shipped lesson, listed once ... */
  for (guint i = 0; order[i] != NULL; i++)
    {
      g_autofree char *file = g_strconcat (order[i], SP_LESSON_SUFFIX, NULL);

      if (!g_strv_contains ((const char *const *) files, file))
        g_error ("%s names “%s”, which is no shipped lesson", SP_LESSON_ORDER_FILE, order[i]);
      for (guint j = 0; j < i; j++)
        if (g_str_equal (order[i], order[j]))
          g_error ("%s names “%s” twice", SP_LESSON_ORDER_FILE, order[i]);
    }
  /* ... and each shipped lesson is in the list: the menu's order is the list's. */
  g_assert_cmpuint (g_strv_length (order), ==, g_strv_length (names));
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_cmpstr (names[i], ==, order[i]);

  /* The order issue 17 teaches in: (a)–(e), charging, then the ion-transport
   * lab's (f) and (g). */
  g_assert_cmpuint (g_strv_length (names), ==, G_N_ELEMENTS (teaching));
  for (guint i = 0; i < G_N_ELEMENTS (teaching); i++)
    g_assert_cmpstr (names[i], ==, teaching[i]);
}

static void
test_language_fallback (void)
{
  g_auto(GStrv) names = sp_lesson_list_shipped ();
  g_auto(GStrv) files = sp_lesson_list_shipped_files ();
  guint tested = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *de = g_strconcat (names[i], ".de.lesson", NULL);
      g_autofree char *zh = g_strconcat (names[i], ".zh_CN.lesson", NULL);
      g_autofree char *plain = g_strconcat (names[i], ".lesson", NULL);
      struct { const char *languages[5]; const char *file; } cases[] = {
        { { "de_DE.UTF-8", "de_DE", "de.UTF-8", "de", NULL }, de },
        { { "zh_CN.UTF-8", "zh_CN", "zh.UTF-8", "zh", NULL }, zh },
        { { "fr_FR", "fr", "C", NULL }, plain },
        { { "C", NULL }, plain },
      };

      if (!g_strv_contains ((const char *const *) files, de) ||
          !g_strv_contains ((const char *const *) files, zh))
        continue;
      for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(SpLesson) lesson = sp_lesson_load_shipped (names[i], cases[c].languages, &error);

          g_assert_no_error (error);
          g_assert_cmpstr (lesson->filename, ==, cases[c].file);
        }
      tested++;
    }
  /* Every shipped lesson comes in German and Chinese. */
  g_assert_cmpuint (tested, ==, g_strv_length (names));
  if (tested == 0)
    g_test_skip ("no shipped lessons yet");
}

int
main (int argc, char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lesson/sample", test_sample);
  g_test_add_func ("/lesson/malformed", test_malformed);
  g_test_add_func ("/lesson/malformed-messages", test_malformed_messages);
  g_test_add_func ("/lesson/check", test_check);
  g_test_add_func ("/lesson/conceal", test_conceal);
  g_test_add_func ("/lesson/keys", test_keys);
  g_test_add_func ("/lesson/apply-session-setting", test_apply_session_setting);
  g_test_add_func ("/lesson/quantities", test_quantities);
  g_test_add_func ("/lesson/names", test_names);
  g_test_add_func ("/lesson/file-errors", test_file_errors);
  g_test_add_func ("/lesson/shipped", test_shipped);
  g_test_add_func ("/lesson/shipped-order", test_shipped_order);
  g_test_add_func ("/lesson/language-fallback", test_language_fallback);
  return g_test_run ();
}

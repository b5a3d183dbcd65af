/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-gsl.c — GSL set up once per program (see sp-gsl.h) */

#include "config.h"

#include <gsl/gsl_errno.h>

#include "sp-gsl.h"

void
sp_gsl_init (void)
{
  gsl_set_error_handler_off ();
}

gboolean
sp_gsl_handler_is_off (void)
{
  /* GSL offers no getter: the handler "off" installs is whatever a second
   * call to gsl_set_error_handler_off() returns. */
  gsl_error_handler_t *current = gsl_set_error_handler_off ();
  gsl_error_handler_t *off = gsl_set_error_handler_off ();

  gsl_set_error_handler (current);
  return current == off;
}

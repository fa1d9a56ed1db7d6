/* Checks shared by commands and plots that return what is wrong instead of reporting it. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "check.h"

/* Why name cannot name a model, or NULL: others refer to it in lists
 * (model=a,b), tables and files, so no control characters, commas or '=',
 * and at most 64 bytes. */
const char *
model_name_problem(const char *name)
{
	size_t n = strlen(name);

	if (n == 0)
		return "it is empty";
	if (n > 64)
		return "it is longer than 64 bytes";
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return "it holds a control character";
		if (*p == ',' || *p == '=')
			return "it holds a comma or '=' (names are listed as model=a,b)";
	}
	return NULL;
}

/* A model kept from another dataset (load keeps the models) would index
 * users and items that are not there. */
bool
model_fits_data(const rs_model *m, const rs_dataset *ds, const char *cmd,
    char *msg, size_t size)
{
	uint32_t nu = rs_ids_count(ds->users), ni = rs_ids_count(ds->items);

	if ((m->nusers == 0 || m->nusers == nu) && (m->nitems == 0 || m->nitems == ni))
		return true;
	snprintf(msg, size, "%s: model %s was trained on other data (%u users x %u items; now %u x %u): train it again",
	    cmd, m->name, m->nusers, m->nitems, nu, ni);
	return false;
}

/* lib/format/tables.c: lifetime of struct strato_tables (see tables.h). */
#include "format/tables.h"

#include <stdlib.h>
#include <string.h>

void strato_tables_clear(struct strato_tables *t)
{
	for (size_t i = 0; i < t->nthreads; i++) {
		struct strato_thread_info *th = &t->threads[i];

		for (size_t j = 0; j < th->nfds; j++)
			free(th->fds[j].name);
		free(th->fds);
		free(th->comm); free(th->exe); free(th->exepath); free(th->cwd); free(th->root);
		free(th->args); free(th->env); free(th->cgroups);
	}
	free(t->threads);
	for (size_t i = 0; i < t->nusers; i++) {
		free(t->users[i].name); free(t->users[i].home); free(t->users[i].shell);
	}
	free(t->users);
	for (size_t i = 0; i < t->ngroups; i++)
		free(t->groups[i].name);
	free(t->groups);
	for (size_t i = 0; i < t->nifaces; i++)
		free(t->ifaces[i].name);
	free(t->ifaces);
	memset(t, 0, sizeof(*t));
}

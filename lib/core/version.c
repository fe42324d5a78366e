/* lib/core/version.c: the run-time version of the linked library. */
#include <stratocore/version.h>

int strato_version_number(void)
{
	return STRATO_VERSION_NUMBER;
}

const char *strato_version_string(void)
{
	return STRATO_VERSION_STRING;
}

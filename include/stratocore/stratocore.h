/* stratocore/stratocore.h: the umbrella header; applications include this. */
#ifndef STRATOCORE_STRATOCORE_H
#define STRATOCORE_STRATOCORE_H

#include <stratocore/common.h>
#include <stratocore/version.h>
#include <stratocore/errors.h>
#include <stratocore/event.h>
#include <stratocore/field.h>
#include <stratocore/capture.h>
#include <stratocore/writer.h>
#include <stratocore/filter.h>

#endif

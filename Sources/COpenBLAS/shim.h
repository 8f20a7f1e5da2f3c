#ifndef LIGHTBOX_COPENBLAS_SHIM_H
#define LIGHTBOX_COPENBLAS_SHIM_H
// Debian installs OpenBLAS's cblas.h through the alternatives system under the
// multiarch include directory, which is on the default search path.
#include <cblas.h>
#endif

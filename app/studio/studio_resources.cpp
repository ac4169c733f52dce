#include "app/studio/studio_resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initKilnQrc() {
    Q_INIT_RESOURCE(kiln);
}

namespace kiln {
namespace studio {

void initStudioResources() {
    static const bool done = (initKilnQrc(), true);
    (void)done;
}

}  // namespace studio
}  // namespace kiln

#pragma once

namespace kiln {
namespace studio {

// Registers the icons compiled into kiln_studio_lib (resources/kiln.qrc). A static library's
// resources are not registered on their own; call this once before the first window. Idempotent.
void initStudioResources();

}  // namespace studio
}  // namespace kiln

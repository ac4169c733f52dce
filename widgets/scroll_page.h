// A page whose content scrolls when the window is too short for it, instead of pushing the
// window taller than the screen (a run tab's Model and Evaluation pages at 1280×800).
#pragma once

class QWidget;

namespace kiln {
namespace widgets {

// Gives `owner` a layout holding a frameless scroll area that shows `content`, stretched to the
// area's size when it fits and scrolled when it does not. `content` should have no parent yet.
void showScrolling(QWidget* owner, QWidget* content);

}  // namespace widgets
}  // namespace kiln

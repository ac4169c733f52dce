#pragma once

#include <functional>

class QWidget;

namespace kiln {
namespace studio {

// `kiln-studio --startup-report`: once `window` has painted for the first time, prints how long
// after the process started that was and which heavy libraries were mapped by then, e.g.
//   first window painted 231 ms after start; heavy libraries mapped: none
// then quits. bench/startup.py and the studio.startup test read the line.
void reportFirstPaintAndQuit(QWidget& window);

// Calls `then` once `window` has painted for the first time (queued after that paint). Work that
// loads libraries (the engines) waits for this: dlopen holds the loader's lock, and the first
// paint loads Qt's plugins.
void afterFirstPaint(QWidget& window, std::function<void()> then);

}  // namespace studio
}  // namespace kiln

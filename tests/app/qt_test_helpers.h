#pragma once

#include <QDir>
#include <QElapsedTimer>
#include <QString>
#include <QTest>
#include <QWidget>

#include <functional>

namespace kiln::test {

// Runs the event loop until `done` holds or `timeoutMs` passes; returns whether it held.
inline bool waitUntil(const std::function<bool()>& done, int timeoutMs = 10000) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs) return false;
        QTest::qWait(10);
    }
    return true;
}

// Saves a picture of `widget` for a person to look at; returns whether it was written.
inline bool saveScreenshot(QWidget* widget, const QString& name) {
    // Let posted layout requests (after a resize or a language change) run first.
    QTest::qWait(100);
    const QString dir = QStringLiteral(KILN_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    return widget->grab().save(dir + QLatin1Char('/') + name);
}

// True when `text` contains a Hangul syllable.
inline bool hasHangul(const QString& text) {
    for (const QChar c : text)
        if (c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3) return true;
    return false;
}

}  // namespace kiln::test

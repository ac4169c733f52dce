#include "widgets/catalog_events.h"

#include <QTimer>

namespace kiln {
namespace widgets {

CatalogEvents::CatalogEvents(QObject* parent) : QObject(parent), m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    m_timer->setInterval(kCoalesceMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        ++m_changes;
        Q_EMIT changed();
    });
}

void CatalogEvents::notify() {
    if (!m_timer->isActive()) m_timer->start();
}

}  // namespace widgets
}  // namespace kiln

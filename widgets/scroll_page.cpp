#include "widgets/scroll_page.h"

#include <QFrame>
#include <QScrollArea>
#include <QVBoxLayout>

namespace kiln {
namespace widgets {

void showScrolling(QWidget* owner, QWidget* content) {
    auto* area = new QScrollArea(owner);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setWidget(content);
    auto* layout = new QVBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(area);
}

}  // namespace widgets
}  // namespace kiln

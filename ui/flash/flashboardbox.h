// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>

class QLabel;

namespace Forgeline::Flasher {
struct BoardInfo;
}

namespace Forgeline::Ui {

// The Flash workspace's "Board" box: chip and revision, MAC, flash size and ID, and the
// security state, as the board reported them at the last job.
class FlashBoardBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit FlashBoardBox(QWidget *parent = nullptr);
    void setBoard(const Flasher::BoardInfo &board);

private:
    QLabel *m_chip;
    QLabel *m_mac;
    QLabel *m_flash;
    QLabel *m_security;
};

} // namespace Forgeline::Ui

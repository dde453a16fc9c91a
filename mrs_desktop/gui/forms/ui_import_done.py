# Generated from ui/import_done.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_done.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QLabel, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget, QWizardPage)

class Ui_ImportDonePage(object):
    def setupUi(self, ImportDonePage):
        if not ImportDonePage.objectName():
            ImportDonePage.setObjectName(u"ImportDonePage")
        ImportDonePage.resize(760, 300)
        self.layout = QVBoxLayout(ImportDonePage)
        self.layout.setObjectName(u"layout")
        self.summary = QLabel(ImportDonePage)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.layout.addWidget(self.summary)

        self.note = QLabel(ImportDonePage)
        self.note.setObjectName(u"note")
        self.note.setWordWrap(True)

        self.layout.addWidget(self.note)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.bottom_spacer)


        self.retranslateUi(ImportDonePage)

        QMetaObject.connectSlotsByName(ImportDonePage)
    # setupUi

    def retranslateUi(self, ImportDonePage):
        ImportDonePage.setTitle(QCoreApplication.translate("ImportDonePage", u"Imported", None))
        ImportDonePage.setSubTitle(QCoreApplication.translate("ImportDonePage", u"The records are in the registers now; every page shows them.", None))
        self.summary.setText("")
        self.note.setText(QCoreApplication.translate("ImportDonePage", u"An import cannot be undone with Ctrl+Z: correct a record in its register, or import a corrected file (rows that match a record update it).", None))
    # retranslateUi


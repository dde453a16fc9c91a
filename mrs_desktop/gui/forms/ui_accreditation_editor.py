# Generated from ui/accreditation_editor.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'accreditation_editor.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from mrs_desktop.gui.dialogs.accreditation_fields import AccreditationFields

class Ui_AccreditationEditor(object):
    def setupUi(self, AccreditationEditor):
        if not AccreditationEditor.objectName():
            AccreditationEditor.setObjectName(u"AccreditationEditor")
        AccreditationEditor.resize(800, 300)
        self.dialog_layout = QVBoxLayout(AccreditationEditor)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.intro = QLabel(AccreditationEditor)
        self.intro.setObjectName(u"intro")
        self.intro.setText(u"")
        self.intro.setWordWrap(True)

        self.dialog_layout.addWidget(self.intro)

        self.fields = AccreditationFields(AccreditationEditor)
        self.fields.setObjectName(u"fields")

        self.dialog_layout.addWidget(self.fields)

        self.general_error = QLabel(AccreditationEditor)
        self.general_error.setObjectName(u"general_error")
        self.general_error.setText(u"")
        self.general_error.setWordWrap(True)

        self.dialog_layout.addWidget(self.general_error)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.bottom_spacer)

        self.buttons = QDialogButtonBox(AccreditationEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.buttons)


        self.retranslateUi(AccreditationEditor)

        QMetaObject.connectSlotsByName(AccreditationEditor)
    # setupUi

    def retranslateUi(self, AccreditationEditor):
        AccreditationEditor.setWindowTitle(QCoreApplication.translate("AccreditationEditor", u"Add accreditation", None))
    # retranslateUi


# Generated from ui/status_change.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'status_change.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout,
    QWidget)

from mrs_desktop.gui.widgets.date_field import DateField

class Ui_StatusChange(object):
    def setupUi(self, StatusChange):
        if not StatusChange.objectName():
            StatusChange.setObjectName(u"StatusChange")
        StatusChange.resize(640, 380)
        self.dialog_layout = QVBoxLayout(StatusChange)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.intro = QLabel(StatusChange)
        self.intro.setObjectName(u"intro")
        self.intro.setText(u"")
        self.intro.setWordWrap(True)

        self.dialog_layout.addWidget(self.intro)

        self.accreditations = QListWidget(StatusChange)
        self.accreditations.setObjectName(u"accreditations")
        self.accreditations.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.dialog_layout.addWidget(self.accreditations)

        self.status_form = QFormLayout()
        self.status_form.setObjectName(u"status_form")
        self.status_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reason_label = QLabel(StatusChange)
        self.reason_label.setObjectName(u"reason_label")

        self.status_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason = QLineEdit(StatusChange)
        self.reason.setObjectName(u"reason")
        self.reason.setMaxLength(500)

        self.status_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reason)

        self.err_reason = QLabel(StatusChange)
        self.err_reason.setObjectName(u"err_reason")
        self.err_reason.setText(u"")
        self.err_reason.setWordWrap(True)

        self.status_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_reason)

        self.on_date_label = QLabel(StatusChange)
        self.on_date_label.setObjectName(u"on_date_label")

        self.status_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.on_date_label)

        self.on_date = DateField(StatusChange)
        self.on_date.setObjectName(u"on_date")

        self.status_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.on_date)

        self.err_on_date = QLabel(StatusChange)
        self.err_on_date.setObjectName(u"err_on_date")
        self.err_on_date.setText(u"")
        self.err_on_date.setWordWrap(True)

        self.status_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_on_date)


        self.dialog_layout.addLayout(self.status_form)

        self.general_error = QLabel(StatusChange)
        self.general_error.setObjectName(u"general_error")
        self.general_error.setText(u"")
        self.general_error.setWordWrap(True)

        self.dialog_layout.addWidget(self.general_error)

        self.buttons = QDialogButtonBox(StatusChange)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.reason_label.setBuddy(self.reason)
        self.on_date_label.setBuddy(self.on_date)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StatusChange)

        QMetaObject.connectSlotsByName(StatusChange)
    # setupUi

    def retranslateUi(self, StatusChange):
        StatusChange.setWindowTitle(QCoreApplication.translate("StatusChange", u"Change accreditation status", None))
        self.reason_label.setText(QCoreApplication.translate("StatusChange", u"Reason", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("StatusChange", u"e.g. Working abroad for two years", None))
        self.on_date_label.setText(QCoreApplication.translate("StatusChange", u"With effect from", None))
    # retranslateUi


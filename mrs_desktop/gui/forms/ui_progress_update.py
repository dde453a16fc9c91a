# Generated from ui/progress_update.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'progress_update.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

from mrs_desktop.gui.widgets.date_field import RequiredDateField

class Ui_ProgressUpdateDialog(object):
    def setupUi(self, ProgressUpdateDialog):
        if not ProgressUpdateDialog.objectName():
            ProgressUpdateDialog.setObjectName(u"ProgressUpdateDialog")
        ProgressUpdateDialog.resize(560, 440)
        self.layout = QVBoxLayout(ProgressUpdateDialog)
        self.layout.setObjectName(u"layout")
        self.itemSummary = QLabel(ProgressUpdateDialog)
        self.itemSummary.setObjectName(u"itemSummary")
        self.itemSummary.setWordWrap(True)

        self.layout.addWidget(self.itemSummary)

        self.note = QLabel(ProgressUpdateDialog)
        self.note.setObjectName(u"note")
        self.note.setWordWrap(True)

        self.layout.addWidget(self.note)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.onDateLabel = QLabel(ProgressUpdateDialog)
        self.onDateLabel.setObjectName(u"onDateLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.onDateLabel)

        self.onDateRow = QHBoxLayout()
        self.onDateRow.setObjectName(u"onDateRow")
        self.onDate = RequiredDateField(ProgressUpdateDialog)
        self.onDate.setObjectName(u"onDate")

        self.onDateRow.addWidget(self.onDate)

        self.onDateRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.onDateRow.addItem(self.onDateRowSpacer)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.onDateRow)

        self.onDateError = QLabel(ProgressUpdateDialog)
        self.onDateError.setObjectName(u"onDateError")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.onDateError)

        self.textLabel = QLabel(ProgressUpdateDialog)
        self.textLabel.setObjectName(u"textLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.textLabel)

        self.text = QPlainTextEdit(ProgressUpdateDialog)
        self.text.setObjectName(u"text")
        self.text.setTabChangesFocus(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.text)

        self.textError = QLabel(ProgressUpdateDialog)
        self.textError.setObjectName(u"textError")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.textError)

        self.authorLabel = QLabel(ProgressUpdateDialog)
        self.authorLabel.setObjectName(u"authorLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.authorLabel)

        self.author = QLineEdit(ProgressUpdateDialog)
        self.author.setObjectName(u"author")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.author)

        self.authorError = QLabel(ProgressUpdateDialog)
        self.authorError.setObjectName(u"authorError")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.authorError)

        self.newStatusLabel = QLabel(ProgressUpdateDialog)
        self.newStatusLabel.setObjectName(u"newStatusLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.newStatusLabel)

        self.newStatusRow = QHBoxLayout()
        self.newStatusRow.setObjectName(u"newStatusRow")
        self.newStatus = QComboBox(ProgressUpdateDialog)
        self.newStatus.setObjectName(u"newStatus")

        self.newStatusRow.addWidget(self.newStatus)

        self.newPercentLabel = QLabel(ProgressUpdateDialog)
        self.newPercentLabel.setObjectName(u"newPercentLabel")

        self.newStatusRow.addWidget(self.newPercentLabel)

        self.newPercent = QSpinBox(ProgressUpdateDialog)
        self.newPercent.setObjectName(u"newPercent")
        self.newPercent.setMinimum(-1)
        self.newPercent.setMaximum(100)
        self.newPercent.setSingleStep(5)
        self.newPercent.setValue(-1)

        self.newStatusRow.addWidget(self.newPercent)

        self.newStatusRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.newStatusRow.addItem(self.newStatusRowSpacer)


        self.form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.newStatusRow)

        self.newStatusError = QLabel(ProgressUpdateDialog)
        self.newStatusError.setObjectName(u"newStatusError")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.newStatusError)

        self.newPercentError = QLabel(ProgressUpdateDialog)
        self.newPercentError.setObjectName(u"newPercentError")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.newPercentError)


        self.layout.addLayout(self.form)

        self.appendOnly = QLabel(ProgressUpdateDialog)
        self.appendOnly.setObjectName(u"appendOnly")
        self.appendOnly.setWordWrap(True)

        self.layout.addWidget(self.appendOnly)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.bottomSpacer)

        self.generalError = QLabel(ProgressUpdateDialog)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setWordWrap(True)

        self.layout.addWidget(self.generalError)

        self.buttons = QDialogButtonBox(ProgressUpdateDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.onDateLabel.setBuddy(self.onDate)
        self.textLabel.setBuddy(self.text)
        self.authorLabel.setBuddy(self.author)
        self.newStatusLabel.setBuddy(self.newStatus)
        self.newPercentLabel.setBuddy(self.newPercent)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.onDate, self.text)
        QWidget.setTabOrder(self.text, self.author)
        QWidget.setTabOrder(self.author, self.newStatus)
        QWidget.setTabOrder(self.newStatus, self.newPercent)

        self.retranslateUi(ProgressUpdateDialog)

        QMetaObject.connectSlotsByName(ProgressUpdateDialog)
    # setupUi

    def retranslateUi(self, ProgressUpdateDialog):
        ProgressUpdateDialog.setWindowTitle(QCoreApplication.translate("ProgressUpdateDialog", u"Add progress update", None))
        self.onDateLabel.setText(QCoreApplication.translate("ProgressUpdateDialog", u"&Date:", None))
        self.textLabel.setText(QCoreApplication.translate("ProgressUpdateDialog", u"&Update:", None))
        self.text.setPlaceholderText(QCoreApplication.translate("ProgressUpdateDialog", u"What happened: meetings held, decisions, documents shared, delays and why", None))
        self.authorLabel.setText(QCoreApplication.translate("ProgressUpdateDialog", u"&Author:", None))
        self.newStatusLabel.setText(QCoreApplication.translate("ProgressUpdateDialog", u"New &status:", None))
        self.newPercentLabel.setText(QCoreApplication.translate("ProgressUpdateDialog", u"&Done:", None))
        self.newPercent.setSuffix(QCoreApplication.translate("ProgressUpdateDialog", u" %", None))
        self.newPercent.setSpecialValueText(QCoreApplication.translate("ProgressUpdateDialog", u"unchanged", None))
        self.appendOnly.setText(QCoreApplication.translate("ProgressUpdateDialog", u"Progress updates are kept as written: once saved, an update cannot be edited or deleted.", None))
    # retranslateUi


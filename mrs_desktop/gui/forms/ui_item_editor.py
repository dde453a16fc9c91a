# Generated from ui/item_editor.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'item_editor.ui'
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

from mrs_desktop.gui.widgets.date_field import DateField

class Ui_ItemEditor(object):
    def setupUi(self, ItemEditor):
        if not ItemEditor.objectName():
            ItemEditor.setObjectName(u"ItemEditor")
        ItemEditor.resize(620, 430)
        self.layout = QVBoxLayout(ItemEditor)
        self.layout.setObjectName(u"layout")
        self.note = QLabel(ItemEditor)
        self.note.setObjectName(u"note")
        self.note.setWordWrap(True)

        self.layout.addWidget(self.note)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.descriptionLabel = QLabel(ItemEditor)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.description = QPlainTextEdit(ItemEditor)
        self.description.setObjectName(u"description")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumSize(QSize(16777215, 90))

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.description)

        self.descriptionError = QLabel(ItemEditor)
        self.descriptionError.setObjectName(u"descriptionError")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.descriptionError)

        self.itemRefLabel = QLabel(ItemEditor)
        self.itemRefLabel.setObjectName(u"itemRefLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.itemRefLabel)

        self.itemRef = QLineEdit(ItemEditor)
        self.itemRef.setObjectName(u"itemRef")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.itemRef)

        self.itemRefError = QLabel(ItemEditor)
        self.itemRefError.setObjectName(u"itemRefError")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.itemRefError)

        self.categoryLabel = QLabel(ItemEditor)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.category = QComboBox(ItemEditor)
        self.category.setObjectName(u"category")
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.category)

        self.categoryError = QLabel(ItemEditor)
        self.categoryError.setObjectName(u"categoryError")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.categoryError)

        self.agencyLabel = QLabel(ItemEditor)
        self.agencyLabel.setObjectName(u"agencyLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.agencyLabel)

        self.agency = QLineEdit(ItemEditor)
        self.agency.setObjectName(u"agency")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.agency)

        self.agencyError = QLabel(ItemEditor)
        self.agencyError.setObjectName(u"agencyError")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.agencyError)

        self.partnerLabel = QLabel(ItemEditor)
        self.partnerLabel.setObjectName(u"partnerLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.partnerLabel)

        self.partner = QComboBox(ItemEditor)
        self.partner.setObjectName(u"partner")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.partner)

        self.partnerError = QLabel(ItemEditor)
        self.partnerError.setObjectName(u"partnerError")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.partnerError)

        self.datesLabel = QLabel(ItemEditor)
        self.datesLabel.setObjectName(u"datesLabel")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.datesLabel)

        self.datesRow = QHBoxLayout()
        self.datesRow.setObjectName(u"datesRow")
        self.startDate = DateField(ItemEditor)
        self.startDate.setObjectName(u"startDate")

        self.datesRow.addWidget(self.startDate)

        self.datesTo = QLabel(ItemEditor)
        self.datesTo.setObjectName(u"datesTo")

        self.datesRow.addWidget(self.datesTo)

        self.dueDate = DateField(ItemEditor)
        self.dueDate.setObjectName(u"dueDate")

        self.datesRow.addWidget(self.dueDate)

        self.datesRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.datesRow.addItem(self.datesRowSpacer)


        self.form.setLayout(10, QFormLayout.ItemRole.FieldRole, self.datesRow)

        self.startDateError = QLabel(ItemEditor)
        self.startDateError.setObjectName(u"startDateError")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.startDateError)

        self.dueDateError = QLabel(ItemEditor)
        self.dueDateError.setObjectName(u"dueDateError")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.dueDateError)

        self.statusLabel = QLabel(ItemEditor)
        self.statusLabel.setObjectName(u"statusLabel")

        self.form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusRow = QHBoxLayout()
        self.statusRow.setObjectName(u"statusRow")
        self.status = QComboBox(ItemEditor)
        self.status.setObjectName(u"status")

        self.statusRow.addWidget(self.status)

        self.percentLabel = QLabel(ItemEditor)
        self.percentLabel.setObjectName(u"percentLabel")

        self.statusRow.addWidget(self.percentLabel)

        self.percent = QSpinBox(ItemEditor)
        self.percent.setObjectName(u"percent")
        self.percent.setMaximum(100)
        self.percent.setSingleStep(5)

        self.statusRow.addWidget(self.percent)

        self.statusRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.statusRow.addItem(self.statusRowSpacer)


        self.form.setLayout(13, QFormLayout.ItemRole.FieldRole, self.statusRow)

        self.statusError = QLabel(ItemEditor)
        self.statusError.setObjectName(u"statusError")

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.statusError)

        self.percentError = QLabel(ItemEditor)
        self.percentError.setObjectName(u"percentError")

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.percentError)


        self.layout.addLayout(self.form)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.bottomSpacer)

        self.generalError = QLabel(ItemEditor)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setWordWrap(True)

        self.layout.addWidget(self.generalError)

        self.buttons = QDialogButtonBox(ItemEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.descriptionLabel.setBuddy(self.description)
        self.itemRefLabel.setBuddy(self.itemRef)
        self.categoryLabel.setBuddy(self.category)
        self.agencyLabel.setBuddy(self.agency)
        self.partnerLabel.setBuddy(self.partner)
        self.datesLabel.setBuddy(self.startDate)
        self.datesTo.setBuddy(self.dueDate)
        self.statusLabel.setBuddy(self.status)
        self.percentLabel.setBuddy(self.percent)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.description, self.itemRef)
        QWidget.setTabOrder(self.itemRef, self.category)
        QWidget.setTabOrder(self.category, self.agency)
        QWidget.setTabOrder(self.agency, self.partner)
        QWidget.setTabOrder(self.partner, self.startDate)
        QWidget.setTabOrder(self.startDate, self.dueDate)
        QWidget.setTabOrder(self.dueDate, self.status)
        QWidget.setTabOrder(self.status, self.percent)

        self.retranslateUi(ItemEditor)

        QMetaObject.connectSlotsByName(ItemEditor)
    # setupUi

    def retranslateUi(self, ItemEditor):
        ItemEditor.setWindowTitle(QCoreApplication.translate("ItemEditor", u"Action item", None))
        self.descriptionLabel.setText(QCoreApplication.translate("ItemEditor", u"&Description:", None))
        self.description.setPlaceholderText(QCoreApplication.translate("ItemEditor", u"What is to be done, as agreed in the plan", None))
        self.itemRefLabel.setText(QCoreApplication.translate("ItemEditor", u"&Reference:", None))
        self.itemRef.setPlaceholderText(QCoreApplication.translate("ItemEditor", u"optional, e.g. 3 or 2.1", None))
        self.categoryLabel.setText(QCoreApplication.translate("ItemEditor", u"&Category:", None))
        self.agencyLabel.setText(QCoreApplication.translate("ItemEditor", u"Responsible &agency:", None))
        self.partnerLabel.setText(QCoreApplication.translate("ItemEditor", u"&Partner country:", None))
        self.datesLabel.setText(QCoreApplication.translate("ItemEditor", u"S&tart:", None))
#if QT_CONFIG(tooltip)
        self.startDate.setToolTip(QCoreApplication.translate("ItemEditor", u"Start date", None))
#endif // QT_CONFIG(tooltip)
        self.datesTo.setText(QCoreApplication.translate("ItemEditor", u"D&ue:", None))
#if QT_CONFIG(tooltip)
        self.dueDate.setToolTip(QCoreApplication.translate("ItemEditor", u"Due date", None))
#endif // QT_CONFIG(tooltip)
        self.statusLabel.setText(QCoreApplication.translate("ItemEditor", u"&Status:", None))
        self.percentLabel.setText(QCoreApplication.translate("ItemEditor", u"D&one:", None))
        self.percent.setSuffix(QCoreApplication.translate("ItemEditor", u" %", None))
    # retranslateUi


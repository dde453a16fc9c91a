# Generated from ui/plan_editor.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_editor.ui'
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
    QLineEdit, QListView, QListWidget, QListWidgetItem,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from mrs_desktop.gui.widgets.date_field import DateField

class Ui_PlanEditor(object):
    def setupUi(self, PlanEditor):
        if not PlanEditor.objectName():
            PlanEditor.setObjectName(u"PlanEditor")
        PlanEditor.resize(600, 400)
        self.layout = QVBoxLayout(PlanEditor)
        self.layout.setObjectName(u"layout")
        self.note = QLabel(PlanEditor)
        self.note.setObjectName(u"note")
        self.note.setWordWrap(True)

        self.layout.addWidget(self.note)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.titleLabel = QLabel(PlanEditor)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.title = QLineEdit(PlanEditor)
        self.title.setObjectName(u"title")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)

        self.titleError = QLabel(PlanEditor)
        self.titleError.setObjectName(u"titleError")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleError)

        self.planRefLabel = QLabel(PlanEditor)
        self.planRefLabel.setObjectName(u"planRefLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.planRefLabel)

        self.planRef = QLineEdit(PlanEditor)
        self.planRef.setObjectName(u"planRef")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.planRef)

        self.planRefError = QLabel(PlanEditor)
        self.planRefError.setObjectName(u"planRefError")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.planRefError)

        self.ownerLabel = QLabel(PlanEditor)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.owner = QComboBox(PlanEditor)
        self.owner.setObjectName(u"owner")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.owner)

        self.ownerError = QLabel(PlanEditor)
        self.ownerError.setObjectName(u"ownerError")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.ownerError)

        self.partnersLabel = QLabel(PlanEditor)
        self.partnersLabel.setObjectName(u"partnersLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.partnersLabel)

        self.partners = QListWidget(PlanEditor)
        self.partners.setObjectName(u"partners")
        self.partners.setMinimumSize(QSize(0, 110))
        self.partners.setMaximumSize(QSize(16777215, 110))
        self.partners.setFlow(QListView.Flow.LeftToRight)
        self.partners.setProperty(u"isWrapping", True)
        self.partners.setResizeMode(QListView.ResizeMode.Adjust)
        self.partners.setGridSize(QSize(150, 26))
        self.partners.setUniformItemSizes(False)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.partners)

        self.partnersError = QLabel(PlanEditor)
        self.partnersError.setObjectName(u"partnersError")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.partnersError)

        self.sectorLabel = QLabel(PlanEditor)
        self.sectorLabel.setObjectName(u"sectorLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.sectorLabel)

        self.sector = QComboBox(PlanEditor)
        self.sector.setObjectName(u"sector")
        self.sector.setEditable(True)
        self.sector.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.sector)

        self.sectorError = QLabel(PlanEditor)
        self.sectorError.setObjectName(u"sectorError")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.sectorError)

        self.periodLabel = QLabel(PlanEditor)
        self.periodLabel.setObjectName(u"periodLabel")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodRow = QHBoxLayout()
        self.periodRow.setObjectName(u"periodRow")
        self.periodStart = DateField(PlanEditor)
        self.periodStart.setObjectName(u"periodStart")

        self.periodRow.addWidget(self.periodStart)

        self.periodTo = QLabel(PlanEditor)
        self.periodTo.setObjectName(u"periodTo")

        self.periodRow.addWidget(self.periodTo)

        self.periodEnd = DateField(PlanEditor)
        self.periodEnd.setObjectName(u"periodEnd")

        self.periodRow.addWidget(self.periodEnd)

        self.periodSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodRow.addItem(self.periodSpacer)


        self.form.setLayout(10, QFormLayout.ItemRole.FieldRole, self.periodRow)

        self.periodStartError = QLabel(PlanEditor)
        self.periodStartError.setObjectName(u"periodStartError")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.periodStartError)

        self.periodEndError = QLabel(PlanEditor)
        self.periodEndError.setObjectName(u"periodEndError")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.periodEndError)


        self.layout.addLayout(self.form)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.bottomSpacer)

        self.generalError = QLabel(PlanEditor)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setWordWrap(True)

        self.layout.addWidget(self.generalError)

        self.buttons = QDialogButtonBox(PlanEditor)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.title)
        self.planRefLabel.setBuddy(self.planRef)
        self.ownerLabel.setBuddy(self.owner)
        self.partnersLabel.setBuddy(self.partners)
        self.sectorLabel.setBuddy(self.sector)
        self.periodLabel.setBuddy(self.periodStart)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title, self.planRef)
        QWidget.setTabOrder(self.planRef, self.owner)
        QWidget.setTabOrder(self.owner, self.partners)
        QWidget.setTabOrder(self.partners, self.sector)
        QWidget.setTabOrder(self.sector, self.periodStart)
        QWidget.setTabOrder(self.periodStart, self.periodEnd)

        self.retranslateUi(PlanEditor)

        QMetaObject.connectSlotsByName(PlanEditor)
    # setupUi

    def retranslateUi(self, PlanEditor):
        PlanEditor.setWindowTitle(QCoreApplication.translate("PlanEditor", u"Action plan", None))
        self.note.setText("")
        self.titleLabel.setText(QCoreApplication.translate("PlanEditor", u"&Title:", None))
        self.title.setPlaceholderText(QCoreApplication.translate("PlanEditor", u"e.g. Cambodia\u2013Thailand action plan on construction skills", None))
        self.planRefLabel.setText(QCoreApplication.translate("PlanEditor", u"&Reference:", None))
        self.planRef.setPlaceholderText(QCoreApplication.translate("PlanEditor", u"optional, e.g. KHM-AP-05", None))
        self.ownerLabel.setText(QCoreApplication.translate("PlanEditor", u"&Owner country:", None))
        self.partnersLabel.setText(QCoreApplication.translate("PlanEditor", u"&Partner countries:", None))
        self.sectorLabel.setText(QCoreApplication.translate("PlanEditor", u"&Sector:", None))
        self.periodLabel.setText(QCoreApplication.translate("PlanEditor", u"P&eriod:", None))
#if QT_CONFIG(tooltip)
        self.periodStart.setToolTip(QCoreApplication.translate("PlanEditor", u"First day of the plan", None))
#endif // QT_CONFIG(tooltip)
        self.periodTo.setText(QCoreApplication.translate("PlanEditor", u"to", None))
#if QT_CONFIG(tooltip)
        self.periodEnd.setToolTip(QCoreApplication.translate("PlanEditor", u"Last day of the plan", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi


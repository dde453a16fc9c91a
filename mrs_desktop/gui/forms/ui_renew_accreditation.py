# Generated from ui/renew_accreditation.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'renew_accreditation.ui'
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
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from mrs_desktop.gui.widgets.date_field import DateField

class Ui_RenewAccreditation(object):
    def setupUi(self, RenewAccreditation):
        if not RenewAccreditation.objectName():
            RenewAccreditation.setObjectName(u"RenewAccreditation")
        RenewAccreditation.resize(460, 280)
        self.dialog_layout = QVBoxLayout(RenewAccreditation)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.intro = QLabel(RenewAccreditation)
        self.intro.setObjectName(u"intro")
        self.intro.setText(u"")
        self.intro.setWordWrap(True)

        self.dialog_layout.addWidget(self.intro)

        self.renew_form = QFormLayout()
        self.renew_form.setObjectName(u"renew_form")
        self.renew_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.accreditation_no_label = QLabel(RenewAccreditation)
        self.accreditation_no_label.setObjectName(u"accreditation_no_label")

        self.renew_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.accreditation_no_label)

        self.accreditation_no = QLineEdit(RenewAccreditation)
        self.accreditation_no.setObjectName(u"accreditation_no")
        self.accreditation_no.setMaxLength(60)

        self.renew_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.accreditation_no)

        self.err_accreditation_no = QLabel(RenewAccreditation)
        self.err_accreditation_no.setObjectName(u"err_accreditation_no")
        self.err_accreditation_no.setText(u"")
        self.err_accreditation_no.setWordWrap(True)

        self.renew_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_accreditation_no)

        self.accredited_on_label = QLabel(RenewAccreditation)
        self.accredited_on_label.setObjectName(u"accredited_on_label")

        self.renew_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.accredited_on_label)

        self.accredited_on = DateField(RenewAccreditation)
        self.accredited_on.setObjectName(u"accredited_on")

        self.renew_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.accredited_on)

        self.err_accredited_on = QLabel(RenewAccreditation)
        self.err_accredited_on.setObjectName(u"err_accredited_on")
        self.err_accredited_on.setText(u"")
        self.err_accredited_on.setWordWrap(True)

        self.renew_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_accredited_on)

        self.valid_until_label = QLabel(RenewAccreditation)
        self.valid_until_label.setObjectName(u"valid_until_label")

        self.renew_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.valid_until_label)

        self.valid_until = DateField(RenewAccreditation)
        self.valid_until.setObjectName(u"valid_until")

        self.renew_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.valid_until)

        self.err_valid_until = QLabel(RenewAccreditation)
        self.err_valid_until.setObjectName(u"err_valid_until")
        self.err_valid_until.setText(u"")
        self.err_valid_until.setWordWrap(True)

        self.renew_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_valid_until)


        self.dialog_layout.addLayout(self.renew_form)

        self.general_error = QLabel(RenewAccreditation)
        self.general_error.setObjectName(u"general_error")
        self.general_error.setText(u"")
        self.general_error.setWordWrap(True)

        self.dialog_layout.addWidget(self.general_error)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.bottom_spacer)

        self.buttons = QDialogButtonBox(RenewAccreditation)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.accreditation_no_label.setBuddy(self.accreditation_no)
        self.accredited_on_label.setBuddy(self.accredited_on)
        self.valid_until_label.setBuddy(self.valid_until)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RenewAccreditation)

        QMetaObject.connectSlotsByName(RenewAccreditation)
    # setupUi

    def retranslateUi(self, RenewAccreditation):
        RenewAccreditation.setWindowTitle(QCoreApplication.translate("RenewAccreditation", u"Renew accreditation", None))
        self.accreditation_no_label.setText(QCoreApplication.translate("RenewAccreditation", u"New accreditation number", None))
        self.accredited_on_label.setText(QCoreApplication.translate("RenewAccreditation", u"Accredited on *", None))
        self.valid_until_label.setText(QCoreApplication.translate("RenewAccreditation", u"Valid until *", None))
    # retranslateUi


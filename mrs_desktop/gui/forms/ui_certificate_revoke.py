# Generated from ui/certificate_revoke.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'certificate_revoke.ui'
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

class Ui_CertificateRevoke(object):
    def setupUi(self, CertificateRevoke):
        if not CertificateRevoke.objectName():
            CertificateRevoke.setObjectName(u"CertificateRevoke")
        CertificateRevoke.resize(560, 260)
        self.dialog_layout = QVBoxLayout(CertificateRevoke)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.certificate = QLabel(CertificateRevoke)
        self.certificate.setObjectName(u"certificate")
        self.certificate.setText(u"")
        self.certificate.setWordWrap(True)
        self.certificate.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialog_layout.addWidget(self.certificate)

        self.intro = QLabel(CertificateRevoke)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.dialog_layout.addWidget(self.intro)

        self.revoke_form = QFormLayout()
        self.revoke_form.setObjectName(u"revoke_form")
        self.revoke_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.reason_label = QLabel(CertificateRevoke)
        self.reason_label.setObjectName(u"reason_label")

        self.revoke_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason = QLineEdit(CertificateRevoke)
        self.reason.setObjectName(u"reason")
        self.reason.setMaxLength(500)

        self.revoke_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reason)

        self.err_reason = QLabel(CertificateRevoke)
        self.err_reason.setObjectName(u"err_reason")
        self.err_reason.setText(u"")
        self.err_reason.setWordWrap(True)

        self.revoke_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_reason)


        self.dialog_layout.addLayout(self.revoke_form)

        self.general_error = QLabel(CertificateRevoke)
        self.general_error.setObjectName(u"general_error")
        self.general_error.setText(u"")
        self.general_error.setWordWrap(True)

        self.dialog_layout.addWidget(self.general_error)

        self.bottom_space = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialog_layout.addItem(self.bottom_space)

        self.buttons = QDialogButtonBox(CertificateRevoke)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.reason_label.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CertificateRevoke)

        QMetaObject.connectSlotsByName(CertificateRevoke)
    # setupUi

    def retranslateUi(self, CertificateRevoke):
        CertificateRevoke.setWindowTitle(QCoreApplication.translate("CertificateRevoke", u"Revoke certificate", None))
        self.intro.setText(QCoreApplication.translate("CertificateRevoke", u"A revocation is final: the certificate number is never used again. Partners learn of it with the next bundle, and anyone who verifies the certificate after that sees it revoked, with the reason.", None))
        self.reason_label.setText(QCoreApplication.translate("CertificateRevoke", u"&Reason *", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("CertificateRevoke", u"e.g. Issued to the wrong person", None))
    # retranslateUi


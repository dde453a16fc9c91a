# Generated from ui/sync_card.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_card.ui'
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
    QFormLayout, QLabel, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_CardDialog(object):
    def setupUi(self, CardDialog):
        if not CardDialog.objectName():
            CardDialog.setObjectName(u"CardDialog")
        CardDialog.resize(560, 360)
        self.card_layout = QVBoxLayout(CardDialog)
        self.card_layout.setObjectName(u"card_layout")
        self.intro = QLabel(CardDialog)
        self.intro.setObjectName(u"intro")

        self.card_layout.addWidget(self.intro)

        self.card_form = QFormLayout()
        self.card_form.setObjectName(u"card_form")
        self.country_label = QLabel(CardDialog)
        self.country_label.setObjectName(u"country_label")

        self.card_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.country_label)

        self.country = QLabel(CardDialog)
        self.country.setObjectName(u"country")
        self.country.setText(u"")

        self.card_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.country)

        self.organisation_label = QLabel(CardDialog)
        self.organisation_label.setObjectName(u"organisation_label")

        self.card_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.organisation_label)

        self.organisation = QLabel(CardDialog)
        self.organisation.setObjectName(u"organisation")
        self.organisation.setText(u"")

        self.card_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.organisation)

        self.focal_point_label = QLabel(CardDialog)
        self.focal_point_label.setObjectName(u"focal_point_label")

        self.card_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.focal_point_label)

        self.focal_point = QLabel(CardDialog)
        self.focal_point.setObjectName(u"focal_point")
        self.focal_point.setText(u"")

        self.card_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.focal_point)

        self.node_label = QLabel(CardDialog)
        self.node_label.setObjectName(u"node_label")

        self.card_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.node_label)

        self.node = QLabel(CardDialog)
        self.node.setObjectName(u"node")
        self.node.setText(u"")
        self.node.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.card_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.node)


        self.card_layout.addLayout(self.card_form)

        self.fingerprint_label = QLabel(CardDialog)
        self.fingerprint_label.setObjectName(u"fingerprint_label")

        self.card_layout.addWidget(self.fingerprint_label)

        self.fingerprint = QLabel(CardDialog)
        self.fingerprint.setObjectName(u"fingerprint")
        self.fingerprint.setText(u"")
        font = QFont()
        font.setFamilies([u"Monospace"])
        font.setPointSize(22)
        font.setBold(True)
        self.fingerprint.setFont(font)
        self.fingerprint.setStyleSheet(u"QLabel { background: #f4f6f9; border: 1px solid #c9d1dc; border-radius: 6px; padding: 14px 22px; }")
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.card_layout.addWidget(self.fingerprint)

        self.advice = QLabel(CardDialog)
        self.advice.setObjectName(u"advice")
        self.advice.setWordWrap(True)

        self.card_layout.addWidget(self.advice)

        self.buttons = QDialogButtonBox(CardDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.NoButton)

        self.card_layout.addWidget(self.buttons)


        self.retranslateUi(CardDialog)

        QMetaObject.connectSlotsByName(CardDialog)
    # setupUi

    def retranslateUi(self, CardDialog):
        CardDialog.setWindowTitle(QCoreApplication.translate("CardDialog", u"Trust a partner's card", None))
        self.intro.setText(QCoreApplication.translate("CardDialog", u"A partner's card:", None))
        self.country_label.setText(QCoreApplication.translate("CardDialog", u"Country:", None))
        self.organisation_label.setText(QCoreApplication.translate("CardDialog", u"Organisation:", None))
        self.focal_point_label.setText(QCoreApplication.translate("CardDialog", u"Focal point:", None))
        self.node_label.setText(QCoreApplication.translate("CardDialog", u"Node:", None))
        self.fingerprint_label.setText(QCoreApplication.translate("CardDialog", u"Fingerprint:", None))
        self.advice.setText(QCoreApplication.translate("CardDialog", u"Read these characters to the sender by phone; trust only if they match.", None))
    # retranslateUi


# Generated from ui/accreditation_fields.ui by pyside6-uic — do not edit; run scripts/compile_ui.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'accreditation_fields.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QSizePolicy, QSpinBox,
    QWidget)

from mrs_desktop.gui.widgets.date_field import DateField

class Ui_AccreditationFields(object):
    def setupUi(self, AccreditationFields):
        if not AccreditationFields.objectName():
            AccreditationFields.setObjectName(u"AccreditationFields")
        AccreditationFields.resize(760, 180)
        self.fields_grid = QGridLayout(AccreditationFields)
        self.fields_grid.setObjectName(u"fields_grid")
        self.fields_grid.setHorizontalSpacing(10)
        self.fields_grid.setVerticalSpacing(2)
        self.fields_grid.setContentsMargins(0, 0, 0, 0)
        self.sector_label = QLabel(AccreditationFields)
        self.sector_label.setObjectName(u"sector_label")

        self.fields_grid.addWidget(self.sector_label, 0, 0, 1, 1)

        self.sector = QComboBox(AccreditationFields)
        self.sector.setObjectName(u"sector")
        self.sector.setEditable(True)

        self.fields_grid.addWidget(self.sector, 0, 1, 1, 1)

        self.err_sector = QLabel(AccreditationFields)
        self.err_sector.setObjectName(u"err_sector")
        self.err_sector.setText(u"")
        self.err_sector.setWordWrap(True)

        self.fields_grid.addWidget(self.err_sector, 1, 1, 1, 1)

        self.occupation_code_label = QLabel(AccreditationFields)
        self.occupation_code_label.setObjectName(u"occupation_code_label")

        self.fields_grid.addWidget(self.occupation_code_label, 2, 0, 1, 1)

        self.occupation_row_widget = QWidget(AccreditationFields)
        self.occupation_row_widget.setObjectName(u"occupation_row_widget")
        self.occupation_row = QHBoxLayout(self.occupation_row_widget)
        self.occupation_row.setObjectName(u"occupation_row")
        self.occupation_row.setContentsMargins(0, 0, 0, 0)
        self.occupation_code = QComboBox(self.occupation_row_widget)
        self.occupation_code.setObjectName(u"occupation_code")
        self.occupation_code.setEditable(True)
        self.occupation_code.setMinimumContentsLength(8)
        self.occupation_code.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.occupation_row.addWidget(self.occupation_code)

        self.occupation_title = QLineEdit(self.occupation_row_widget)
        self.occupation_title.setObjectName(u"occupation_title")

        self.occupation_row.addWidget(self.occupation_title)


        self.fields_grid.addWidget(self.occupation_row_widget, 2, 1, 1, 1)

        self.err_occupation_code = QLabel(AccreditationFields)
        self.err_occupation_code.setObjectName(u"err_occupation_code")
        self.err_occupation_code.setText(u"")
        self.err_occupation_code.setWordWrap(True)

        self.fields_grid.addWidget(self.err_occupation_code, 3, 1, 1, 1)

        self.aqrf_level_label = QLabel(AccreditationFields)
        self.aqrf_level_label.setObjectName(u"aqrf_level_label")

        self.fields_grid.addWidget(self.aqrf_level_label, 4, 0, 1, 1)

        self.aqrf_level = QSpinBox(AccreditationFields)
        self.aqrf_level.setObjectName(u"aqrf_level")
        self.aqrf_level.setMinimum(1)
        self.aqrf_level.setMaximum(8)

        self.fields_grid.addWidget(self.aqrf_level, 4, 1, 1, 1)

        self.err_aqrf_level = QLabel(AccreditationFields)
        self.err_aqrf_level.setObjectName(u"err_aqrf_level")
        self.err_aqrf_level.setText(u"")
        self.err_aqrf_level.setWordWrap(True)

        self.fields_grid.addWidget(self.err_aqrf_level, 5, 1, 1, 1)

        self.accrediting_body_label = QLabel(AccreditationFields)
        self.accrediting_body_label.setObjectName(u"accrediting_body_label")

        self.fields_grid.addWidget(self.accrediting_body_label, 6, 0, 1, 1)

        self.accrediting_body = QLineEdit(AccreditationFields)
        self.accrediting_body.setObjectName(u"accrediting_body")
        self.accrediting_body.setMaxLength(200)

        self.fields_grid.addWidget(self.accrediting_body, 6, 1, 1, 1)

        self.err_accrediting_body = QLabel(AccreditationFields)
        self.err_accrediting_body.setObjectName(u"err_accrediting_body")
        self.err_accrediting_body.setText(u"")
        self.err_accrediting_body.setWordWrap(True)

        self.fields_grid.addWidget(self.err_accrediting_body, 7, 1, 1, 1)

        self.accreditation_no_label = QLabel(AccreditationFields)
        self.accreditation_no_label.setObjectName(u"accreditation_no_label")

        self.fields_grid.addWidget(self.accreditation_no_label, 0, 2, 1, 1)

        self.accreditation_no = QLineEdit(AccreditationFields)
        self.accreditation_no.setObjectName(u"accreditation_no")
        self.accreditation_no.setMaxLength(60)

        self.fields_grid.addWidget(self.accreditation_no, 0, 3, 1, 1)

        self.err_accreditation_no = QLabel(AccreditationFields)
        self.err_accreditation_no.setObjectName(u"err_accreditation_no")
        self.err_accreditation_no.setText(u"")
        self.err_accreditation_no.setWordWrap(True)

        self.fields_grid.addWidget(self.err_accreditation_no, 1, 3, 1, 1)

        self.accredited_on_label = QLabel(AccreditationFields)
        self.accredited_on_label.setObjectName(u"accredited_on_label")

        self.fields_grid.addWidget(self.accredited_on_label, 2, 2, 1, 1)

        self.accredited_on = DateField(AccreditationFields)
        self.accredited_on.setObjectName(u"accredited_on")

        self.fields_grid.addWidget(self.accredited_on, 2, 3, 1, 1)

        self.err_accredited_on = QLabel(AccreditationFields)
        self.err_accredited_on.setObjectName(u"err_accredited_on")
        self.err_accredited_on.setText(u"")
        self.err_accredited_on.setWordWrap(True)

        self.fields_grid.addWidget(self.err_accredited_on, 3, 3, 1, 1)

        self.valid_until_label = QLabel(AccreditationFields)
        self.valid_until_label.setObjectName(u"valid_until_label")

        self.fields_grid.addWidget(self.valid_until_label, 4, 2, 1, 1)

        self.valid_until = DateField(AccreditationFields)
        self.valid_until.setObjectName(u"valid_until")

        self.fields_grid.addWidget(self.valid_until, 4, 3, 1, 1)

        self.err_valid_until = QLabel(AccreditationFields)
        self.err_valid_until.setObjectName(u"err_valid_until")
        self.err_valid_until.setText(u"")
        self.err_valid_until.setWordWrap(True)

        self.fields_grid.addWidget(self.err_valid_until, 5, 3, 1, 1)

        self.fields_grid.setColumnStretch(1, 1)
        self.fields_grid.setColumnStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.sector_label.setBuddy(self.sector)
        self.occupation_code_label.setBuddy(self.occupation_code)
        self.aqrf_level_label.setBuddy(self.aqrf_level)
        self.accrediting_body_label.setBuddy(self.accrediting_body)
        self.accreditation_no_label.setBuddy(self.accreditation_no)
        self.accredited_on_label.setBuddy(self.accredited_on)
        self.valid_until_label.setBuddy(self.valid_until)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AccreditationFields)

        QMetaObject.connectSlotsByName(AccreditationFields)
    # setupUi

    def retranslateUi(self, AccreditationFields):
        self.sector_label.setText(QCoreApplication.translate("AccreditationFields", u"Sector", None))
#if QT_CONFIG(tooltip)
        self.sector.setToolTip(QCoreApplication.translate("AccreditationFields", u"Choose a sector or type a new one: it is added to the catalogue", None))
#endif // QT_CONFIG(tooltip)
        self.occupation_code_label.setText(QCoreApplication.translate("AccreditationFields", u"Occupation", None))
#if QT_CONFIG(tooltip)
        self.occupation_code.setToolTip(QCoreApplication.translate("AccreditationFields", u"The occupation's code in your national catalogue; choose one or type a new one", None))
#endif // QT_CONFIG(tooltip)
        self.occupation_title.setPlaceholderText(QCoreApplication.translate("AccreditationFields", u"Title, e.g. Commis cook", None))
        self.aqrf_level_label.setText(QCoreApplication.translate("AccreditationFields", u"AQRF level *", None))
#if QT_CONFIG(tooltip)
        self.aqrf_level.setToolTip(QCoreApplication.translate("AccreditationFields", u"ASEAN Qualifications Reference Framework level, 1\u20138 (MRS works at 1\u20134)", None))
#endif // QT_CONFIG(tooltip)
        self.accrediting_body_label.setText(QCoreApplication.translate("AccreditationFields", u"Accrediting body", None))
        self.accreditation_no_label.setText(QCoreApplication.translate("AccreditationFields", u"Accreditation number *", None))
        self.accreditation_no.setPlaceholderText(QCoreApplication.translate("AccreditationFields", u"e.g. KH-TOU-2026-0042", None))
        self.accredited_on_label.setText(QCoreApplication.translate("AccreditationFields", u"Accredited on *", None))
        self.valid_until_label.setText(QCoreApplication.translate("AccreditationFields", u"Valid until *", None))
        pass
    # retranslateUi


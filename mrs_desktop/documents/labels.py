"""The certificate's fixed wording in each ASEAN member state's national language.

Reviewed against each country's own certifying wording where it is known (Thailand's DSD
"หนังสือรับรองความรู้ความสามารถ", Indonesia's BNSP "Sertifikat Kompetensi" and "Asesor", Viet Nam's
"Chứng chỉ kỹ năng nghề"), but not yet by a native-speaking focal point of every country: each
should check its row before certificates go out (docs/certificates.md). Brunei and Malaysia share
standard Malay; Singapore issues in English, so its row is empty and the page shows English only.
"""

from __future__ import annotations

LABELS = ("Certificate of Competency", "This certifies that", "has been assessed competent in",
          "AQRF level", "Units of competency", "Certificate number", "Issued on", "Assessor")

_KHMER = ("វិញ្ញាបនបត្របញ្ជាក់សមត្ថភាព", "សូមបញ្ជាក់ថា", "ត្រូវបានវាយតម្លៃថាមានសមត្ថភាពក្នុងមុខរបរ",
          "កម្រិត AQRF", "ឯកតាសមត្ថភាព", "លេខវិញ្ញាបនបត្រ", "កាលបរិច្ឆេទចេញ", "អ្នកវាយតម្លៃ")
_LAO = ("ໃບຢັ້ງຢືນຄວາມສາມາດ", "ຂໍຢັ້ງຢືນວ່າ", "ໄດ້ຮັບການປະເມີນວ່າມີຄວາມສາມາດໃນ",
        "ລະດັບ AQRF", "ຫົວໜ່ວຍຄວາມສາມາດ", "ເລກທີໃບຢັ້ງຢືນ", "ອອກໃຫ້ວັນທີ", "ຜູ້ປະເມີນ")
_MYANMAR = ("ကျွမ်းကျင်မှု အသိအမှတ်ပြုလက်မှတ်", "အသိအမှတ်ပြုသည်မှာ", "ကျွမ်းကျင်ကြောင်း အကဲဖြတ်ခံရသည့် အလုပ်အကိုင်",
            "AQRF အဆင့်", "ကျွမ်းကျင်မှုယူနစ်များ", "လက်မှတ်အမှတ်", "ထုတ်ပေးသည့်နေ့", "အကဲဖြတ်သူ")
_THAI = ("หนังสือรับรองความรู้ความสามารถ", "ขอรับรองว่า", "ผ่านการประเมินสมรรถนะในสาขาอาชีพ",
         "ระดับ AQRF", "หน่วยสมรรถนะ", "เลขที่หนังสือรับรอง", "ออกให้ ณ วันที่", "ผู้ประเมิน")
_VIETNAMESE = ("Chứng chỉ kỹ năng nghề", "Chứng nhận", "đã được đánh giá đạt năng lực nghề",
               "Bậc AQRF", "Các đơn vị năng lực", "Số chứng chỉ", "Ngày cấp", "Người đánh giá")
_MALAY = ("Sijil Kecekapan", "Dengan ini diperakui bahawa", "telah dinilai kompeten dalam",
          "Tahap AQRF", "Unit Kecekapan", "Nombor Sijil", "Tarikh dikeluarkan", "Penilai")
_INDONESIAN = ("Sertifikat Kompetensi", "Dengan ini menyatakan bahwa", "telah dinilai kompeten dalam",
               "Jenjang AQRF", "Unit Kompetensi", "Nomor Sertifikat", "Tanggal terbit", "Asesor")
_FILIPINO = ("Sertipiko ng Kakayahan", "Pinatutunayan nito na si", "ay nasuring may kakayahan sa",
             "Antas ng AQRF", "Mga Yunit ng Kakayahan", "Numero ng Sertipiko", "Inisyu noong",
             "Tagasuri")

# ISO 3166-1 alpha-3 of each member state -> its national-language wording, in LABELS order.
_BY_COUNTRY = {"BRN": _MALAY, "KHM": _KHMER, "IDN": _INDONESIAN, "LAO": _LAO, "MYS": _MALAY,
               "MMR": _MYANMAR, "PHL": _FILIPINO, "SGP": (), "THA": _THAI, "VNM": _VIETNAMESE}


def national_labels(country: str) -> dict[str, str]:
    """English label -> the same in `country`'s national language; empty when English is national."""
    return dict(zip(LABELS, _BY_COUNTRY.get(country.upper(), ())))

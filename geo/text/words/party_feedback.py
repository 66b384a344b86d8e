"""The words of the parties' feedback (``geo.records.party_feedback``): the public form a regional party opens with
its agreement's link or code (``ui/party_feedback_form.py``), the editors' moderation page
(``app_pages/party_feedback.py``) and the approved feedback on the region page. Keys start with
``party_feedback.``; the engine's refusals are ``message.party_feedback.*`` (``messages.py``).
"""

from __future__ import annotations

WORDS = {
    # the public form
    "party_feedback.form.title": {"id": "Umpan balik para pihak", "en": "Feedback from the parties"},
    "party_feedback.form.intro": {
        "id": "Ceritakan kemajuan kerja sama ini dari sisi daerah Anda. Umpan balik dibaca pengelola sebelum "
              "ditampilkan, dan hanya dipakai untuk memantau serta mengatasi hambatan kerja sama.",
        "en": "Tell us how this agreement is progressing from your region's side. Feedback is read by the "
              "coordinators before it is shown, and is used only to monitor the agreement and tackle obstacles."},
    "party_feedback.form.agreement": {"id": "Kerja sama", "en": "Agreement"},
    "party_feedback.form.parties": {"id": "Para pihak", "en": "Parties"},
    "party_feedback.form.party": {"id": "Daerah Anda", "en": "Your region"},
    "party_feedback.form.choose_party": {"id": "Pilih daerah Anda", "en": "Choose your region"},
    "party_feedback.form.rating": {"id": "Penilaian kemajuan", "en": "Progress rating"},
    "party_feedback.form.rating_help": {
        "id": "1 = tidak ada kemajuan, 5 = berjalan sangat baik",
        "en": "1 = no progress, 5 = going very well"},
    "party_feedback.rating.1": {"id": "1 – tidak ada kemajuan", "en": "1 – no progress"},
    "party_feedback.rating.2": {"id": "2 – sedikit kemajuan", "en": "2 – little progress"},
    "party_feedback.rating.3": {"id": "3 – cukup", "en": "3 – fair"},
    "party_feedback.rating.4": {"id": "4 – baik", "en": "4 – good"},
    "party_feedback.rating.5": {"id": "5 – sangat baik", "en": "5 – very good"},
    "party_feedback.form.obstacles": {"id": "Hambatan yang dihadapi", "en": "Obstacles met"},
    "party_feedback.form.choose": {"id": "Pilih (boleh lebih dari satu)", "en": "Choose (several allowed)"},
    "party_feedback.form.suggestion": {"id": "Saran", "en": "Suggestion"},
    "party_feedback.form.contact": {"id": "Kontak (tidak wajib; hanya dilihat pengelola)",
                                    "en": "Contact (optional; seen only by the coordinators)"},
    "party_feedback.form.send": {"id": "Kirim umpan balik", "en": "Send feedback"},
    "party_feedback.form.thanks": {
        "id": "Terima kasih. Umpan balik Anda sudah diterima dan akan ditampilkan setelah diperiksa pengelola.",
        "en": "Thank you. Your feedback has been received and will be shown once the coordinators have checked it."},
    "party_feedback.form.again": {"id": "Kirim umpan balik lain", "en": "Send other feedback"},
    "party_feedback.form.code": {"id": "Kode umpan balik", "en": "Feedback code"},
    "party_feedback.form.code_help": {
        "id": "Ketik kode dari pengelola kerja sama, misalnya ABCD-EFGH-JKMN.",
        "en": "Type the code the agreement's coordinator gave you, e.g. ABCD-EFGH-JKMN."},
    "party_feedback.form.open": {"id": "Buka formulir", "en": "Open the form"},
    # the moderation page
    "party_feedback.nav": {"id": "Umpan Balik Pihak", "en": "Party feedback"},
    "party_feedback.mod.title": {"id": "Umpan balik para pihak", "en": "Feedback from the parties"},
    "party_feedback.mod.pending": {"id": "Menunggu moderasi ({n})", "en": "Awaiting moderation ({n})"},
    "party_feedback.mod.none": {"id": "Tidak ada umpan balik yang menunggu.", "en": "No feedback is waiting."},
    "party_feedback.mod.entry": {"id": "{doc} · {party} · nilai {rating} · {when}",
                                 "en": "{doc} · {party} · rating {rating} · {when}"},
    "party_feedback.mod.obstacles": {"id": "Hambatan", "en": "Obstacles"},
    "party_feedback.mod.suggestion": {"id": "Saran", "en": "Suggestion"},
    "party_feedback.mod.contact": {"id": "Kontak", "en": "Contact"},
    "party_feedback.mod.approve": {"id": "Setujui", "en": "Approve"},
    "party_feedback.mod.reject": {"id": "Tolak", "en": "Reject"},
    "party_feedback.mod.approved": {"id": "Disetujui: tampil di halaman wilayah.",
                                    "en": "Approved: shown on the region pages."},
    "party_feedback.mod.rejected": {"id": "Ditolak: tidak ditampilkan.", "en": "Rejected: not shown."},
    "party_feedback.mod.codes": {"id": "Kode dan tautan per kerja sama", "en": "Codes and links per agreement"},
    "party_feedback.mod.codes_help": {
        "id": "Siapa pun yang memegang tautan atau kode dapat mengirim umpan balik tanpa akun (hanya itu). Bagikan "
              "kepada para pihak; ganti atau cabut bila tersebar ke yang tidak berhak.",
        "en": "Anyone holding the link or code can send feedback without an account (and nothing else). Share it "
              "with the parties; rotate or revoke it when it reaches people it should not."},
    "party_feedback.mod.pick": {"id": "Kerja sama", "en": "Agreement"},
    "party_feedback.mod.no_code": {"id": "Kerja sama ini belum punya kode umpan balik.",
                                   "en": "This agreement has no feedback code yet."},
    "party_feedback.mod.link": {"id": "Tautan", "en": "Link"},
    "party_feedback.mod.code": {"id": "Kode untuk diketik (di alamat aplikasi + {param})",
                                "en": "Code to type (at the app's address + {param})"},
    "party_feedback.mod.issue": {"id": "Buat kode", "en": "Create code"},
    "party_feedback.mod.rotate": {"id": "Ganti kode (yang lama tidak berlaku lagi)",
                                  "en": "Rotate code (the old one stops working)"},
    "party_feedback.mod.revoke": {"id": "Cabut kode", "en": "Revoke code"},
    "party_feedback.mod.revoked": {"id": "Kode dicabut; tautannya tidak berlaku lagi.",
                                   "en": "Code revoked; its link no longer works."},
    "party_feedback.mod.none_approved": {"id": "Belum ada umpan balik yang disetujui.",
                                         "en": "No feedback has been approved yet."},
    "party_feedback.mod.recent": {"id": "Umpan balik yang disetujui", "en": "Approved feedback"},
    # the region page
    "party_feedback.region.title": {"id": "Umpan balik para pihak", "en": "Feedback from the parties"},
    "party_feedback.region.note": {
        "id": "Umpan balik yang disetujui pengelola, untuk kerja sama wilayah ini. Kolom \"dari para pihak\" pada "
              "tabel hambatan menghitung hambatan yang disebut di umpan balik ini.",
        "en": "Feedback approved by the coordinators, for this region's agreements. The \"from the parties\" column "
              "of the obstacles table counts the obstacles named in this feedback."},
    "party_feedback.col.doc_number": {"id": "Nomor dokumen", "en": "Document number"},
    "party_feedback.col.party": {"id": "Pihak", "en": "Party"},
    "party_feedback.col.rating": {"id": "Nilai (1–5)", "en": "Rating (1–5)"},
    "party_feedback.col.obstacles": {"id": "Hambatan", "en": "Obstacles"},
    "party_feedback.col.suggestion": {"id": "Saran", "en": "Suggestion"},
    "party_feedback.col.received_at": {"id": "Diterima", "en": "Received"},
}

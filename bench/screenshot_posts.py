"""Known posts for the screenshot test set: realistic Indonesian captions with their labels.

``contestants`` are rulebook contestant ids (``<race id>:<ballot number>``, see
``src/netral/rulebook/data/races.yaml``). Emoji stand alone between spaces so the renderer can
draw them with Noto Color Emoji; they are left out of the OCR reference text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KnownPost:
    id: str
    platform: str
    author: str
    handle: str
    caption: str
    partisan: bool
    contestants: tuple[str, ...] = ()
    chat: str = ""
    """WhatsApp only: the group or contact the message was sent in."""


P1, P2, P3 = "pilpres-2024:1", "pilpres-2024:2", "pilpres-2024:3"

POSTS: list[KnownPost] = [
    # --- partisan -----------------------------------------------------------------------
    KnownPost("p01", "facebook", "Sri Wahyuni", "sri.wahyuni",
              "Alhamdulillah, hari ini ikut silaturahmi bersama relawan di Samarinda. Tanggal 14 "
              "Februari jangan lupa coblos nomor 2 ya, lanjutkan Indonesia Maju! 🇮🇩 "
              "#PrabowoGibran #OkeGas", True, (P2,)),
    KnownPost("p02", "instagram", "Rahmawati", "bu_rahma.guru",
              "Sudah saatnya perubahan. Abah Anies dan Gus Imin membawa harapan baru untuk guru "
              "honorer seperti kami 🙏 #AMIN #AniesMuhaimin", True, (P1,)),
    KnownPost("p03", "x", "Dimas Prasetyo", "dimas_pras",
              "Debat semalam makin yakin, Ganjar-Mahfud paling siap kerja cepat. Sat set tas tes! "
              "#GanjarMahfud #Paslon03", True, (P3,)),
    KnownPost("p04", "whatsapp", "Pak Heru Kasi Umum", "", "Bapak ibu, mohon dukungannya untuk "
              "Isran-Hadi di Pilgub Kaltim tanggal 27 November. Kita lanjutkan pembangunan Benua "
              "Etam! #IsranHadi", True, ("pilgub-kaltim-2024:1",),
              chat="Staf Kecamatan Sungai Kunjang"),
    KnownPost("p05", "tiktok", "Yoga Saputra", "yogasaputra.smd",
              "Kaltim butuh pemimpin muda yang berani 💪 Rudy Mas'ud dan Seno Aji pilihan kita "
              "semua #RudySeno2024", True, ("pilgub-kaltim-2024:2",)),
    KnownPost("p06", "facebook", "Hendra Gunawan", "hendra.gunawan",
              "Foto bersama Pak Andi Harun di acara peresmian tadi pagi. Lanjutkan dua periode, "
              "Samarinda makin maju! ✌️ #AndiHarun", True, ("pilwali-samarinda-2024:1",)),
    KnownPost("p07", "instagram", "Nurul Hidayah", "nurul.hidayah_bpn",
              "Warga Balikpapan, ayo menangkan Rahmad Mas'ud dan Bagus Susetyo! Kota kita butuh "
              "pemimpin berpengalaman #RahmadBagus", True, ("pilwali-balikpapan-2024:1",)),
    KnownPost("p08", "x", "Agus Salim", "agussalim_id",
              "Satu putaran saja biar hemat anggaran negara. Prabowo Gibran untuk Indonesia emas "
              "2045 #PrabowoGibranSatuPutaran", True, (P2,)),
    KnownPost("p09", "whatsapp", "Bu Lestari", "", "Teman-teman guru, jangan lupa tanggal 14 "
              "pilih AMIN ya. Anies Baswedan sudah terbukti memperhatikan pendidikan 👍", True,
              (P1,), chat="Guru SDN 012 Samarinda"),
    KnownPost("p10", "tiktok", "Fajar Nugroho", "fajar.nugroho88",
              "Salam tiga jari dari kantor kelurahan 🤟 Ganjar Pranowo presidenku, Mahfud MD "
              "wakilku! #GanjarPresiden2024", True, (P3,)),
    KnownPost("p11", "facebook", "Made Suardana", "made.suardana",
              "Terima kasih PDI Perjuangan sudah memperjuangkan nasib petani. Pemilu nanti coblos "
              "banteng moncong putih, nomor 3! #PDIPerjuangan", True, ("party-2024:3",)),
    KnownPost("p12", "instagram", "Rizky Ramadhan", "rizky.rmdhn",
              "Bangga jadi kader Partai Gerindra sejak 2019. Mari kita menangkan Gerindra di "
              "Kaltim! 🦅 #Gerindra", True, ("party-2024:2",)),
    KnownPost("p13", "x", "Siti Aminah", "sitiaminah_",
              "Yang lain cuma janji, Anies sudah bukti. Jakarta berubah, Indonesia juga bisa. "
              "Amin aja dulu! #AMINAjaDulu", True, (P1,)),
    KnownPost("p14", "whatsapp", "Sekretaris Dinas", "", "Pak Kabid minta semua staf hadir "
              "kampanye akbar Prabowo-Gibran hari Sabtu di Stadion Palaran. Pakai kaos biru ya, "
              "absen dicatat.", True, (P2,), chat="Dinas PUPR Kota"),
    KnownPost("p15", "tiktok", "Andika Pratama", "andikapratama_",
              "Joget gemoy bareng tim sukses 02 di lapangan kecamatan 🕺 Oke gas oke gas! "
              "#OkeGas #Paslon02", True, (P2,)),
    KnownPost("p16", "facebook", "Yuliana Sari", "yuliana.sari",
              "Ibu-ibu PKK siap memenangkan Rudy-Seno di Pilgub Kaltim! Nomor 2 untuk Kaltim yang "
              "lebih sejahtera #RudySeno", True, ("pilgub-kaltim-2024:2",)),
    KnownPost("p17", "instagram", "Bayu Firmansyah", "bayu.firman",
              "Hari ini ikut deklarasi relawan Sa'bani-Syukri di Balikpapan. Nomor 3 pilihan tepat "
              "untuk kota kita! #SabaniSyukri", True, ("pilwali-balikpapan-2024:3",)),
    KnownPost("p18", "x", "Wahyu Hidayat", "wahyuhidayat",
              "Golkar sudah terbukti membangun daerah. Pilih partai beringin di pemilu legislatif, "
              "suara rakyat suara Golkar! #Golkar", True, ("party-2024:4",)),
    KnownPost("p19", "whatsapp", "Pak RT Hasan", "", "Assalamualaikum. Mohon bantu sebarkan: "
              "Rendi Susiswo dan Eddy Sunardi calon wali kota Balikpapan nomor 2, pilihan warga! "
              "#RendiEddy", True, ("pilwali-balikpapan-2024:2",),
              chat="Warga RT 14 Gunung Samarinda"),
    KnownPost("p20", "facebook", "Ahmad Fauzi", "ahmad.fauzi",
              "Perubahan itu pasti! Bersama Anies-Muhaimin kita wujudkan Indonesia adil makmur "
              "untuk semua 🇮🇩 #AniesImin", True, (P1,)),
    KnownPost("p21", "tiktok", "Dewi Anggraini", "dewi.anggr",
              "PNS juga manusia, boleh dong punya pilihan. Aku sih Prabowo! Bersama Indonesia maju "
              "✌️ #PrabowoPresiden", True, (P2,)),
    KnownPost("p22", "instagram", "Eko Wibowo", "ekowibowo.id",
              "Sat set bareng Pak Ganjar waktu kunjungan ke pasar tradisional. Pemimpin yang "
              "merakyat! #GanjarMahfud2024 #SatSetTasTes", True, (P3,)),
    # --- neutral (several with ambiguous words: amin, garuda, beringin, banteng, RT 02) -------
    KnownPost("n01", "facebook", "Kecamatan Samarinda Ulu", "kec.samarindaulu",
              "Ayo ke TPS tanggal 14 Februari 2024! Jangan golput, gunakan hak pilih Anda. Suaramu "
              "menentukan masa depan bangsa 🇮🇩 #PemiluDamai", False),
    KnownPost("n02", "instagram", "Info Samarinda", "infosamarinda",
              "Cek nama Anda di DPT lewat cekdptonline.kpu.go.id sebelum tanggal 14. Info resmi "
              "dari KPU Kota Samarinda. #KPU #CekDPT", False),
    KnownPost("n03", "x", "Rina Kartika", "rinakartika",
              "Jadwal debat calon presiden malam ini pukul 19.00 WIB, disiarkan langsung oleh KPU. "
              "Tonton dan nilai sendiri gagasannya. #DebatCapres", False),
    KnownPost("n04", "whatsapp", "Kasi Trantib", "", "Info rapat koordinasi pengamanan TPS hari "
              "Senin pukul 08.00 di aula kantor camat. Mohon membawa surat tugas masing-masing.",
              False, chat="Kecamatan Palaran"),
    KnownPost("n05", "tiktok", "Dapur Bu Ani", "dapurbuani",
              "Resep sambal terasi ala ibu di rumah 🌶️ Cabai, bawang merah, terasi bakar, sedikit "
              "gula. Dijamin nagih! #ResepSambal #MasakDiRumah", False),
    KnownPost("n06", "facebook", "Suryani Lubis", "suryani.lubis",
              "Alhamdulillah anak kami diwisuda hari ini di Universitas Mulawarman. Terima kasih "
              "atas doa keluarga semua, semoga ilmunya bermanfaat. Amin 🤲", False),
    KnownPost("n07", "instagram", "Teguh Santoso", "teguh.santoso",
              "Liburan akhir pekan ke Pantai Manggar Balikpapan bersama keluarga 🌊 Cuaca cerah, "
              "ombak tenang. #Balikpapan #WisataKaltim", False),
    KnownPost("n08", "x", "Pemantau Pemilu", "pantaupemilu",
              "Bawaslu mengingatkan ASN wajib menjaga netralitas selama tahapan Pilkada 2024. "
              "Laporkan pelanggaran lewat aplikasi Gowaslu. #PilkadaDamai", False),
    KnownPost("n09", "whatsapp", "Kasubag Umum", "", "Selamat pagi bapak ibu, apel siaga pemilu "
              "besok pukul 07.30. Seragam dinas lengkap. Terima kasih.", False,
              chat="Sekretariat Daerah"),
    KnownPost("n10", "tiktok", "Bola Kaltim", "bolakaltim",
              "Garuda di dadaku 🇮🇩 Timnas Indonesia menang 2-0 malam ini! Bangga sekali jadi "
              "suporter #TimnasDay #GarudaMuda", False),
    KnownPost("n11", "facebook", "Kelurahan Sempaja", "kel.sempaja",
              "Gotong royong membersihkan selokan di RT 02 Kelurahan Sempaja pagi ini. Terima "
              "kasih warga yang sudah hadir! #GotongRoyong", False),
    KnownPost("n12", "instagram", "Lensa Kota", "lensakota",
              "Pohon beringin di alun-alun kota ini umurnya sudah lebih dari seratus tahun 🌳 "
              "Tempat favorit anak-anak bermain sore hari.", False),
    KnownPost("n13", "x", "Kabar Pasar", "kabarpasar",
              "Harga cabai rawit di Pasar Segiri naik jadi Rp80.000 per kilo. Semoga pemerintah "
              "daerah segera operasi pasar. #HargaCabai", False),
    KnownPost("n14", "whatsapp", "Mbak Tutik", "", "Mohon doanya, ibu saya dirawat di RSUD Abdul "
              "Wahab Sjahranie kamar 03. Semoga lekas sembuh, amin.", False,
              chat="Keluarga Besar Bani Saleh"),
    KnownPost("n15", "tiktok", "Edukasi Pemilu", "edukasipemilu",
              "Tutorial cara mencoblos yang benar di TPS: buka surat suara, coblos satu kali di "
              "dalam kotak, lipat kembali 🗳️ #PemiluDamai #KPU", False),
    KnownPost("n16", "facebook", "BKPSDM Kota", "bkpsdm.kota",
              "Sosialisasi Kode Etik dan Netralitas ASN bersama BKPSDM hari ini. ASN harus netral, "
              "tidak boleh berpihak kepada calon mana pun. #ASNNetral", False),
    KnownPost("n17", "instagram", "Jelajah Borneo", "jelajahborneo",
              "Sunrise di Bukit Bangkirai pagi ini luar biasa 🌄 Udara segar dan suara burung. "
              "Wajib dikunjungi kalau ke Kaltim! #ExploreKaltim", False),
    KnownPost("n18", "x", "Cek Fakta Kaltim", "cekfaktakaltim",
              "Hasil resmi akan diumumkan KPU setelah rekapitulasi berjenjang. Tunggu hasil resmi, "
              "jangan mudah percaya hoaks. #TolakHoaks", False),
    KnownPost("n19", "whatsapp", "Admin Kepegawaian", "", "Reminder: batas pengumpulan laporan "
              "kinerja triwulan III hari Jumat. Format terlampir di email dinas. Terima kasih 🙏",
              False, chat="ASN Dinas Pendidikan"),
    KnownPost("n20", "tiktok", "Jelajah Hutan", "jelajahhutan",
              "Banteng liar terlihat di Taman Nasional Kutai pagi ini! 🐃 Satwa dilindungi, jangan "
              "diganggu ya. #TamanNasionalKutai #Satwa", False),
]

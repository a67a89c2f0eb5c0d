rule codekin_aiohttp
{
    meta:
        author = "codekin 0.1.0"
        family = "aiohttp"
        samples = 26
        description = "code found in samples of aiohttp and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e: 47 code bytes at 0x4c045 in the function at 0x4bee0 (150 instructions, in 3 target sample(s); also in 2 more); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 48 83 2F 01 0F 84 ?? ?? ?? ?? 48 8B 44 24 68 49 83 3F 00 49 89 47 58 0F 84 ?? ?? ?? ?? 48 83 C4 18 4C 89 F8 5B 5D 41 5C 41 5D 41 5E 41 5F C3 }
        // sample 3a143c933fadd1a1a60a65bdd37858ea11d47a074f9a7934933b13c01b7c3b8b: 43 code bytes at 0x180001000 in the function at 0x180001000 (3289 instructions, in 2 target sample(s); also in 1 more); 12 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 4C 8B C9 85 D2 0F 84 ?? ?? ?? ?? 0F BE 01 44 8D 42 FF 83 C0 BF 83 F8 37 0F 87 ?? ?? ?? ?? 48 98 4C 8D 15 ?? ?? ?? ?? 41 8B 84 82 }
        // sample 3a143c933fadd1a1a60a65bdd37858ea11d47a074f9a7934933b13c01b7c3b8b: 47 code bytes at 0x180001253 in the function at 0x180001000 (3289 instructions, in 2 target sample(s); also in 1 more); 16 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 0F 84 ?? ?? ?? ?? 41 0F BE 41 0F 83 C0 BF 83 F8 31 0F 87 ?? ?? ?? ?? 48 98 41 0F B6 84 02 ?? ?? ?? ?? 41 8B 8C 82 ?? ?? ?? ?? 49 03 CA FF E1 }
        // sample 3a143c933fadd1a1a60a65bdd37858ea11d47a074f9a7934933b13c01b7c3b8b: 48 code bytes at 0x18000133a in the function at 0x180001000 (3289 instructions, in 2 target sample(s); also in 1 more); 16 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 83 FA 15 0F 84 ?? ?? ?? ?? 41 0F BE 41 15 83 C0 BD 83 F8 2C 0F 87 ?? ?? ?? ?? 48 98 41 0F B6 84 02 ?? ?? ?? ?? 41 8B 8C 82 ?? ?? ?? ?? 49 03 CA }
        // sample 3a143c933fadd1a1a60a65bdd37858ea11d47a074f9a7934933b13c01b7c3b8b: 46 code bytes at 0x180005c5c in the function at 0x180001000 (3289 instructions, in 2 target sample(s); also in 1 more); 15 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 45 85 C0 0F 84 ?? ?? ?? ?? 83 FA 01 0F 84 ?? ?? ?? ?? 0F B6 41 01 3C 41 74 ?? 3C 49 74 ?? 3C 61 74 ?? 3C 69 0F 85 ?? ?? ?? ?? 41 83 F8 01 }
        // sample 3def05d1449a43b150d02a8dbfdc22ad227c863fd4f4f3dc0bd5fc0602d9b3e6: 46 code bytes at 0xf935 in the function at 0xa6b3 (20841 instructions, in 1 target sample(s)); 22 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 48 8D 3D ?? ?? ?? ?? E8 ?? ?? ?? ?? 48 8B 3D ?? ?? ?? ?? 48 85 FF 74 ?? 48 FF 0F 48 C7 05 ?? ?? ?? ?? 00 00 00 00 75 ?? E8 ?? ?? ?? ?? EB }
        // sample 3def05d1449a43b150d02a8dbfdc22ad227c863fd4f4f3dc0bd5fc0602d9b3e6: 48 code bytes at 0x10595 in the function at 0xa6b3 (20841 instructions, in 1 target sample(s)); 16 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 48 8B 05 ?? ?? ?? ?? 4C 8B 0D ?? ?? ?? ?? 51 41 B8 03 00 00 00 31 C9 31 F6 BF 03 00 00 00 41 51 6A 01 FF 35 ?? ?? ?? ?? FF 35 ?? ?? ?? ?? 50 50 }
        // sample 3def05d1449a43b150d02a8dbfdc22ad227c863fd4f4f3dc0bd5fc0602d9b3e6: 43 code bytes at 0x1588e in the function at 0xa6b3 (20841 instructions, in 1 target sample(s)); 17 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 48 FF 4D 00 75 ?? 48 89 EF E8 ?? ?? ?? ?? 48 8B 15 ?? ?? ?? ?? 31 C9 31 F6 48 8D 3D ?? ?? ?? ?? E8 ?? ?? ?? ?? 48 89 C5 48 85 C0 }
        // sample 629c0942fb3c153f145b308c12943db2aab57d70bbdbda9a238cf782ff2609fe: 44 code bytes at 0xf082 in the function at 0x9215 (20993 instructions, in 1 target sample(s)); 12 bytes wildcarded (addresses, relocations, relative offsets)
        $f8 = { 4C 8B 0D ?? ?? ?? ?? 51 41 B8 03 00 00 00 31 C9 31 F6 BF 03 00 00 00 41 51 6A 01 FF 35 ?? ?? ?? ?? FF 35 ?? ?? ?? ?? 52 52 50 52 52 }
        // sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e: 47 code bytes at 0xecfa in the function at 0xec1b (24692 instructions, in 1 target sample(s)); 13 bytes wildcarded (addresses, relocations, relative offsets)
        $f9 = { 48 8B 05 ?? ?? ?? ?? 48 8B 00 30 C0 48 89 C2 48 81 F2 F0 09 0B 03 F7 C2 00 00 FF FF 75 ?? 31 FF E8 ?? ?? ?? ?? 48 89 05 ?? ?? ?? ?? 48 85 C0 }
        // sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e: 47 code bytes at 0x111d4 in the function at 0xec1b (24692 instructions, in 1 target sample(s)); 18 bytes wildcarded (addresses, relocations, relative offsets)
        $f10 = { 0F 84 ?? ?? ?? ?? BA 20 00 00 00 48 8D 35 ?? ?? ?? ?? 48 89 C7 E8 ?? ?? ?? ?? 48 89 05 ?? ?? ?? ?? 48 85 C0 74 ?? 48 FF 4D 00 75 ?? 48 89 EF }
        // sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e: 41 code bytes at 0x11203 in the function at 0xec1b (24692 instructions, in 1 target sample(s)); 17 bytes wildcarded (addresses, relocations, relative offsets)
        $f11 = { E8 ?? ?? ?? ?? 48 8D 3D ?? ?? ?? ?? E8 ?? ?? ?? ?? 48 89 C5 48 85 C0 74 ?? BA 20 00 00 00 48 8D 35 ?? ?? ?? ?? 48 89 C7 E8 }
        // literal string of the data sections of sample 43b482eefbee003403ce2bb1bdc2b40e2109db92ef0c2dd7b6a1c50ecc277a7b (in 6 target sample(s); also in 5 more)
        $s12 = "status_line" ascii wide fullword
        // literal string of the data sections of sample 43b482eefbee003403ce2bb1bdc2b40e2109db92ef0c2dd7b6a1c50ecc277a7b (in 6 target sample(s); also in 5 more)
        $s13 = "init aiohttp._http_writer" ascii wide fullword
        // literal string of the data sections of sample 43b482eefbee003403ce2bb1bdc2b40e2109db92ef0c2dd7b6a1c50ecc277a7b (in 6 target sample(s); also in 5 more)
        $s14 = "aiohttp/_http_writer.c" ascii wide fullword
        // literal string of the data sections of sample 43b482eefbee003403ce2bb1bdc2b40e2109db92ef0c2dd7b6a1c50ecc277a7b (in 6 target sample(s); also in 5 more)
        $s15 = "aiohttp._http_writer.to_str" ascii wide fullword
        // literal string of the data sections of sample 43b482eefbee003403ce2bb1bdc2b40e2109db92ef0c2dd7b6a1c50ecc277a7b (in 6 target sample(s); also in 5 more)
        $s16 = "aiohttp._http_writer._write_str" ascii wide fullword
        // literal string of the data sections of sample 43b482eefbee003403ce2bb1bdc2b40e2109db92ef0c2dd7b6a1c50ecc277a7b (in 6 target sample(s); also in 5 more)
        $s17 = "aiohttp._http_writer._write_byte" ascii wide fullword
        // literal string of the data sections of sample 43b482eefbee003403ce2bb1bdc2b40e2109db92ef0c2dd7b6a1c50ecc277a7b (in 6 target sample(s); also in 5 more)
        $s18 = "aiohttp._http_writer._serialize_headers" ascii wide fullword
        // literal string of the data sections of sample 43b482eefbee003403ce2bb1bdc2b40e2109db92ef0c2dd7b6a1c50ecc277a7b (in 6 target sample(s); also in 5 more)
        $s19 = "Module '_http_writer' has already been imported. Re-initialisation is not supported." ascii wide fullword
        // literal string of the data sections of sample 83d69760fdcb32a630f6ad18b77959838a587a691e460f4b12cec2432b98c504 (in 6 target sample(s); also in 5 more)
        $s20 = "uint64_msk" ascii wide fullword
        // literal string of the data sections of sample 83d69760fdcb32a630f6ad18b77959838a587a691e460f4b12cec2432b98c504 (in 6 target sample(s); also in 5 more)
        $s21 = "uint32_msk" ascii wide fullword
        // literal string of the data sections of sample 83d69760fdcb32a630f6ad18b77959838a587a691e460f4b12cec2432b98c504 (in 6 target sample(s); also in 5 more)
        $s22 = "init aiohttp._websocket" ascii wide fullword
        // literal string of the data sections of sample 83d69760fdcb32a630f6ad18b77959838a587a691e460f4b12cec2432b98c504 (in 6 target sample(s); also in 5 more)
        $s23 = "aiohttp/_websocket.c" ascii wide fullword
        // literal string of the data sections of sample 83d69760fdcb32a630f6ad18b77959838a587a691e460f4b12cec2432b98c504 (in 6 target sample(s); also in 5 more)
        $s24 = "aiohttp._websocket._websocket_mask_cython" ascii wide fullword
        // literal string of the data sections of sample 83d69760fdcb32a630f6ad18b77959838a587a691e460f4b12cec2432b98c504 (in 6 target sample(s); also in 5 more)
        $s25 = "Note, this function mutates its `data` argument" ascii wide fullword
        // literal string of the data sections of sample 83d69760fdcb32a630f6ad18b77959838a587a691e460f4b12cec2432b98c504 (in 6 target sample(s); also in 5 more)
        $s26 = "Module '_websocket' has already been imported. Re-initialisation is not supported." ascii wide fullword
        // literal string of the data sections of sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e (in 6 target sample(s); also in 5 more)
        $s27 = "should_close" ascii wide fullword
        // literal string of the data sections of sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e (in 6 target sample(s); also in 5 more)
        $s28 = "response_with_body" ascii wide fullword
        // literal string of the data sections of sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e (in 6 target sample(s); also in 5 more)
        $s29 = "read_until_eof" ascii wide fullword
        // literal string of the data sections of sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e (in 6 target sample(s); also in 5 more)
        $s30 = "raw_headers" ascii wide fullword
        // literal string of the data sections of sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e (in 6 target sample(s); also in 5 more)
        $s31 = "payload_exception" ascii wide fullword
        // literal string of the data sections of sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e (in 6 target sample(s); also in 5 more)
        $s32 = "max_line_size" ascii wide fullword
        // literal string of the data sections of sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e (in 6 target sample(s); also in 5 more)
        $s33 = "max_headers" ascii wide fullword
        // literal string of the data sections of sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e (in 6 target sample(s); also in 5 more)
        $s34 = "max_field_size" ascii wide fullword
        // literal string of the data sections of sample e340c1be585854743a9f0aa48c25c914376da8f3da8f049cda3827b051edccd6 (in 6 target sample(s); also in 5 more)
        $s35 = "reified property is read-only" ascii wide fullword
        // literal string of the data sections of sample e340c1be585854743a9f0aa48c25c914376da8f3da8f049cda3827b051edccd6 (in 6 target sample(s); also in 5 more)
        $s36 = "init aiohttp._helpers" ascii wide fullword
        // literal string of the data sections of sample e340c1be585854743a9f0aa48c25c914376da8f3da8f049cda3827b051edccd6 (in 6 target sample(s); also in 5 more)
        $s37 = "aiohttp/_helpers.c" ascii wide fullword
        // literal string of the data sections of sample e340c1be585854743a9f0aa48c25c914376da8f3da8f049cda3827b051edccd6 (in 6 target sample(s); also in 5 more)
        $s38 = "aiohttp._helpers.reify.__setstate_cython__" ascii wide fullword
        // literal string of the data sections of sample e340c1be585854743a9f0aa48c25c914376da8f3da8f049cda3827b051edccd6 (in 6 target sample(s); also in 5 more)
        $s39 = "aiohttp._helpers.reify.__set__" ascii wide fullword
        // literal string of the data sections of sample e340c1be585854743a9f0aa48c25c914376da8f3da8f049cda3827b051edccd6 (in 6 target sample(s); also in 5 more)
        $s40 = "aiohttp._helpers.reify.__reduce_cython__" ascii wide fullword
        // literal string of the data sections of sample e340c1be585854743a9f0aa48c25c914376da8f3da8f049cda3827b051edccd6 (in 6 target sample(s); also in 5 more)
        $s41 = "aiohttp._helpers.reify.__init__" ascii wide fullword
        // literal string of the data sections of sample e340c1be585854743a9f0aa48c25c914376da8f3da8f049cda3827b051edccd6 (in 6 target sample(s); also in 5 more)
        $s42 = "aiohttp._helpers.reify.__get__" ascii wide fullword
        // literal string of the data sections of sample 23391519e1bf052d4832ada81bca088c2b8bce582f0eb3535109b524a2891e10 (in 3 target sample(s); also in 2 more)
        $s43 = "PyInit__websocket" ascii wide fullword
        // literal string of the data sections of sample 4e8a1dc947d0466239d3711892dc4536e4515627337dfce038844e12e6d591b5 (in 2 target sample(s); also in 1 more)
        $s44 = "init aiohttp._frozenlist" ascii wide fullword
        // literal string of the data sections of sample 4e8a1dc947d0466239d3711892dc4536e4515627337dfce038844e12e6d591b5 (in 2 target sample(s); also in 1 more)
        $s45 = "aiohttp/_frozenlist.c" ascii wide fullword
        // literal string of the data sections of sample 4e8a1dc947d0466239d3711892dc4536e4515627337dfce038844e12e6d591b5 (in 2 target sample(s); also in 1 more)
        $s46 = "aiohttp._frozenlist.__pyx_unpickle_FrozenList__set_state" ascii wide fullword
        // literal string of the data sections of sample 4e8a1dc947d0466239d3711892dc4536e4515627337dfce038844e12e6d591b5 (in 2 target sample(s); also in 1 more)
        $s47 = "aiohttp._frozenlist.FrozenList.reverse" ascii wide fullword
        // literal string of the data sections of sample 4e8a1dc947d0466239d3711892dc4536e4515627337dfce038844e12e6d591b5 (in 2 target sample(s); also in 1 more)
        $s48 = "aiohttp._frozenlist.FrozenList.remove" ascii wide fullword
        // literal string of the data sections of sample 4e8a1dc947d0466239d3711892dc4536e4515627337dfce038844e12e6d591b5 (in 2 target sample(s); also in 1 more)
        $s49 = "aiohttp._frozenlist.FrozenList.pop" ascii wide fullword
        // literal string of the data sections of sample 4e8a1dc947d0466239d3711892dc4536e4515627337dfce038844e12e6d591b5 (in 2 target sample(s); also in 1 more)
        $s50 = "aiohttp._frozenlist.FrozenList.insert" ascii wide fullword
        // literal string of the data sections of sample 4e8a1dc947d0466239d3711892dc4536e4515627337dfce038844e12e6d591b5 (in 2 target sample(s); also in 1 more)
        $s51 = "aiohttp._frozenlist.FrozenList.index" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

rule codekin_apsw
{
    meta:
        author = "codekin 0.1.0"
        family = "apsw"
        samples = 8
        description = "code found in samples of apsw and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b: 48 code bytes at 0x208f8 in the function at 0x20810 (184 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 66 0F 6F FA 66 0F 69 FE 66 0F 61 D6 66 0F 6F F1 66 0F 61 D7 66 0F 61 CA 66 0F 69 F2 66 0F 6F D1 66 0F 61 CE 66 0F 69 D6 66 0F 61 CA 66 0F 6F D0 }
        // sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b: 48 code bytes at 0x26ca8 in the function at 0x26b10 (138 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { F2 0F 11 10 F2 0F 59 D0 F2 0F 5C DA F2 0F 11 58 08 C7 42 08 00 00 00 00 48 89 42 10 F2 0F 11 0A 8D 56 01 83 C6 02 48 63 D2 89 77 10 48 C1 E2 05 }
        // sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b: 48 code bytes at 0x1570de in the function at 0x156e20 (199 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 66 0F EF C0 48 89 EF 48 B8 00 00 00 00 10 00 00 00 41 0F 11 44 24 E0 41 0F 11 44 24 F0 48 63 73 04 48 C1 E6 25 48 01 C6 49 63 46 1C 48 03 34 24 }
        // sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b: 48 code bytes at 0x185ad3 in the function at 0x1859c0 (160 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 89 97 90 00 00 00 48 8D 14 40 48 8B 87 88 00 00 00 48 8D 04 D0 48 C7 00 A6 00 00 00 48 C7 40 08 00 00 00 00 48 C7 40 10 00 00 00 00 48 83 C4 10 }
        // sample fdf2f503f6480838bd010527f1ed10facd79ad8e6cf634be57797bb9d248626d: 47 code bytes at 0x1800d1988 in the function at 0x1800d1930 (142 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { B8 04 00 00 00 0F 4C D0 41 8B 46 10 F7 D8 B8 03 00 00 00 1B C9 83 E1 20 0B D1 B9 0B 00 00 00 41 83 7E 0C 00 0F 45 C1 48 8B CF 0B D0 49 8B 06 }
        // sample fdf2f503f6480838bd010527f1ed10facd79ad8e6cf634be57797bb9d248626d: 48 code bytes at 0x1800e0330 in the function at 0x1800e0330 (126 instructions, in 3 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 48 8B C4 48 89 58 18 55 56 57 41 54 41 55 41 56 41 57 48 83 EC 40 48 8B F2 32 DB 33 D2 4D 8B E1 4D 8B F8 4C 8B E9 8B EA 48 8B 7E 70 48 89 78 10 }
        // sample fdf2f503f6480838bd010527f1ed10facd79ad8e6cf634be57797bb9d248626d: 48 code bytes at 0x1800f67d0 in the function at 0x1800f67d0 (126 instructions, in 3 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 48 89 5C 24 08 48 89 6C 24 10 48 89 74 24 18 57 41 54 41 55 41 56 41 57 48 83 EC 50 48 8B B4 24 B0 00 00 00 4D 8B D9 45 8B E8 44 8B E2 4C 8B F9 }
        // sample fdf2f503f6480838bd010527f1ed10facd79ad8e6cf634be57797bb9d248626d: 48 code bytes at 0x1801262f0 in the function at 0x1801262f0 (190 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 48 89 5C 24 18 55 56 57 41 54 41 55 41 56 41 57 48 83 EC 30 41 8B 41 08 33 FF 4D 8B E9 4C 8B E2 48 8B F1 44 8B FF 44 8B F7 48 89 7C 24 20 8B EF }
        // literal string of the data sections of sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b (in 6 target sample(s); also in 5 more)
        $s8 = "zeroblob.length() -> int" ascii wide fullword
        // literal string of the data sections of sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b (in 6 target sample(s); also in 5 more)
        $s9 = "zeroblob size must be >= 0" ascii wide fullword
        // literal string of the data sections of sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b (in 6 target sample(s); also in 5 more)
        $s10 = "zero/NULL). If you do not supply this routine then SQLite provides" ascii wide fullword
        // literal string of the data sections of sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b (in 6 target sample(s); also in 5 more)
        $s11 = "your query included multiple statements), or if you called" ascii wide fullword
        // literal string of the data sections of sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b (in 6 target sample(s); also in 5 more)
        $s12 = "your VFS be the default and wish to immediately make it be" ascii wide fullword
        // literal string of the data sections of sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b (in 6 target sample(s); also in 5 more)
        $s13 = "xWrite($self,data,offset)" ascii wide fullword
        // literal string of the data sections of sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b (in 6 target sample(s); also in 5 more)
        $s14 = "xUnlock($self,level)" ascii wide fullword
        // literal string of the data sections of sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b (in 6 target sample(s); also in 5 more)
        $s15 = "xTruncate($self,newsize)" ascii wide fullword
        // literal string of the data sections of sample 8c99f94bfa8e20ea3fda7ac70d8ca716e3b9bed4e7104f782eda3e1bb8e109d9 (in 4 target sample(s); also in 3 more)
        $s16 = "Too many positional arguments %d (max %d) provided to %s" ascii wide fullword
        // literal string of the data sections of sample 8c99f94bfa8e20ea3fda7ac70d8ca716e3b9bed4e7104f782eda3e1bb8e109d9 (in 4 target sample(s); also in 3 more)
        $s17 = "Expected bytes or similar type that supports buffer protocol, not %s" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

rule codekin_argon2_cffi_bindings
{
    meta:
        author = "codekin 0.1.0"
        family = "argon2-cffi-bindings"
        samples = 6
        description = "code found in samples of argon2-cffi-bindings and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample 1b041122d390783142dfd86001031fad35519ded4510631a9363366c54469933: 48 code bytes at 0x180004645 in the function at 0x180004560 (673 instructions, in 3 target sample(s); also in 2 more); 1 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 49 81 FF 80 00 00 00 76 ?? 49 8D BF 7F FF FF FF 48 C1 EF 07 48 FF C7 48 6B C7 80 4C 03 F8 0F 1F 40 00 66 0F 1F 84 00 00 00 00 00 48 8B 44 24 70 }
        // sample 1b041122d390783142dfd86001031fad35519ded4510631a9363366c54469933: 48 code bytes at 0x180004841 in the function at 0x180004560 (673 instructions, in 3 target sample(s); also in 2 more); 1 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 49 81 FF 80 00 00 00 76 ?? 49 8D BF 7F FF FF FF 48 C1 EF 07 48 FF C7 48 6B C7 80 4C 03 F8 90 48 8B 44 24 70 48 8D 4C 24 30 48 83 E8 80 48 8B D6 }
        // sample 1b041122d390783142dfd86001031fad35519ded4510631a9363366c54469933: 47 code bytes at 0x180004d28 in the function at 0x180004560 (673 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 49 8D BF 7F FF FF FF 48 C1 EF 07 48 FF C7 48 6B C7 80 4C 03 F8 0F 1F 00 48 8B 44 24 70 48 8D 4C 24 30 48 83 E8 80 48 8B D6 48 3D 80 00 00 00 }
        // sample 1b041122d390783142dfd86001031fad35519ded4510631a9363366c54469933: 48 code bytes at 0x180006120 in the function at 0x180006120 (140 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 48 89 6C 24 10 48 89 74 24 18 48 89 7C 24 20 41 56 4C 8B F1 49 8B F0 4C 8B C2 48 B8 AB AA AA AA AA AA AA AA 49 F7 E1 49 8B C9 49 8B F9 48 D1 EA }
        // sample b007f64124c20aca8b87b59403e696f99c736d36bfc0b8f7767bdbf6aa8f1489: 46 code bytes at 0x3830 in the function at 0x3830 (109 instructions, in 3 target sample(s); also in 2 more); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 41 57 48 89 F7 B9 06 00 00 00 BA 06 00 00 00 41 56 48 8D 35 ?? ?? ?? ?? 41 55 41 54 55 53 48 83 EC 48 48 8D 44 24 38 50 48 8D 44 24 38 50 }
        // sample b007f64124c20aca8b87b59403e696f99c736d36bfc0b8f7767bdbf6aa8f1489: 46 code bytes at 0x385e in the function at 0x3830 (109 instructions, in 3 target sample(s); also in 2 more); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 48 8D 44 24 38 50 48 8D 44 24 38 50 31 C0 4C 8D 4C 24 38 4C 8D 44 24 30 E8 ?? ?? ?? ?? 48 83 C4 20 85 C0 0F 84 ?? ?? ?? ?? 48 8B 7C 24 10 }
        // sample b007f64124c20aca8b87b59403e696f99c736d36bfc0b8f7767bdbf6aa8f1489: 36 code bytes at 0x4ac0 in the function at 0x4ac0 (11 instructions, in 3 target sample(s); also in 2 more); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 48 83 EC 10 6A 13 6A 02 FF 74 24 40 FF 74 24 40 FF 74 24 40 6A 00 FF 74 24 48 E8 ?? ?? ?? ?? 48 83 C4 48 C3 }
        // sample b007f64124c20aca8b87b59403e696f99c736d36bfc0b8f7767bdbf6aa8f1489: 47 code bytes at 0x5270 in the function at 0x5270 (13 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 48 8B 06 48 89 F9 48 8D 7F 08 48 89 47 F8 48 8B 86 F8 03 00 00 48 89 87 F0 03 00 00 48 83 E7 F8 48 29 F9 48 29 CE 81 C1 00 04 00 00 C1 E9 03 }
        // literal string of the data sections of sample b007f64124c20aca8b87b59403e696f99c736d36bfc0b8f7767bdbf6aa8f1489 (in 6 target sample(s); also in 5 more)
        $s8 = "deallocate_fptr" ascii wide fullword
        // literal string of the data sections of sample b007f64124c20aca8b87b59403e696f99c736d36bfc0b8f7767bdbf6aa8f1489 (in 6 target sample(s); also in 5 more)
        $s9 = "argon2_version" ascii wide fullword
        // literal string of the data sections of sample b007f64124c20aca8b87b59403e696f99c736d36bfc0b8f7767bdbf6aa8f1489 (in 6 target sample(s); also in 5 more)
        $s10 = "argon2_type" ascii wide fullword
        // literal string of the data sections of sample b007f64124c20aca8b87b59403e696f99c736d36bfc0b8f7767bdbf6aa8f1489 (in 6 target sample(s); also in 5 more)
        $s11 = "argon2_error_codes" ascii wide fullword
        // literal string of the data sections of sample b007f64124c20aca8b87b59403e696f99c736d36bfc0b8f7767bdbf6aa8f1489 (in 6 target sample(s); also in 5 more)
        $s12 = "argon2_context" ascii wide fullword
        // literal string of the data sections of sample b007f64124c20aca8b87b59403e696f99c736d36bfc0b8f7767bdbf6aa8f1489 (in 6 target sample(s); also in 5 more)
        $s13 = "allocate_cbk" ascii wide fullword
        // literal string of the data sections of sample b007f64124c20aca8b87b59403e696f99c736d36bfc0b8f7767bdbf6aa8f1489 (in 6 target sample(s); also in 5 more)
        $s14 = "Unknown error code" ascii wide fullword
        // literal string of the data sections of sample b007f64124c20aca8b87b59403e696f99c736d36bfc0b8f7767bdbf6aa8f1489 (in 6 target sample(s); also in 5 more)
        $s15 = "Too many threads" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

rule codekin_cramjam
{
    meta:
        author = "codekin 0.1.0"
        family = "cramjam"
        samples = 6
        description = "code found in samples of cramjam and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample 64084cda2985c5ae178f6a56ba53407eebf1597fdc86c604f4fa4b67c7cbcfe8: 48 code bytes at 0x1800d6850 in the function at 0x1800d6850 (12 instructions, in 5 target sample(s); also in 1 more); 13 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 48 89 D0 48 8B 09 80 39 00 74 ?? 48 8D 15 ?? ?? ?? ?? 41 B8 04 00 00 00 48 89 C1 E9 ?? ?? ?? ?? 48 8D 15 ?? ?? ?? ?? 41 B8 05 00 00 00 48 89 C1 }
        // sample e01387960c692968f7096abf3e9b1a42eb6d1d4bc7b9ee8bf974756d80fd8b5d: 46 code bytes at 0x66e70 in the function at 0x66e70 (12 instructions, in 5 target sample(s); also in 2 more); 13 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 48 89 F0 48 8B 0F 80 39 00 74 ?? 48 8D 35 ?? ?? ?? ?? BA 04 00 00 00 48 89 C7 E9 ?? ?? ?? ?? 48 8D 35 ?? ?? ?? ?? BA 05 00 00 00 48 89 C7 }
        // sample 578dff737a3aee6ca8825ec01e4972a881c982a3fb2c2e2a3e435bd7330772ed: 48 code bytes at 0x180094dbd in the function at 0x180094d60 (121 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 48 89 6C 24 30 33 DB 4C 89 7C 24 28 4C 8D 4C 24 44 48 89 44 24 20 4C 8D 44 24 50 89 5C 24 40 BA 00 01 00 00 89 5C 24 44 48 8D 8C 24 A0 00 00 00 }
        // sample e01387960c692968f7096abf3e9b1a42eb6d1d4bc7b9ee8bf974756d80fd8b5d: 43 code bytes at 0x14d7d0 in the function at 0x14d7d0 (15 instructions, in 3 target sample(s); also in 2 more); 15 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 31 C0 48 85 FF 74 ?? 48 81 FE ?? ?? ?? ?? 76 ?? 40 F6 C7 07 75 ?? 48 83 EC 08 BA ?? ?? ?? ?? 31 F6 E8 ?? ?? ?? ?? 48 83 C4 08 C3 }
        // sample 64084cda2985c5ae178f6a56ba53407eebf1597fdc86c604f4fa4b67c7cbcfe8: 47 code bytes at 0x1800ef9ba in the function at 0x1800ef900 (117 instructions, in 2 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 66 0F 6F D1 66 0F 3A 44 D4 00 66 0F EF D7 66 41 0F 3A 44 C8 11 66 0F EF CA 66 0F 6F D0 66 0F 3A 44 D4 00 66 41 0F EF D1 66 41 0F 3A 44 C0 11 }
        // sample 64084cda2985c5ae178f6a56ba53407eebf1597fdc86c604f4fa4b67c7cbcfe8: 44 code bytes at 0x1800efaa2 in the function at 0x1800ef900 (117 instructions, in 2 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 66 0F 3A 44 C1 01 66 0F 73 D9 08 66 0F EF C8 66 0F EF C0 66 0F EF D2 66 0F 3A 0E D1 03 48 B8 24 61 CD 63 01 00 00 00 66 48 0F 6E D8 }
        // sample 952bf94f9285d3aeb8a90cd0da80cc02fd05941e3ba70310ffb1b0980aa41f5f: 44 code bytes at 0x18020a5f2 in the function at 0x18020a450 (117 instructions, in 2 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 66 0F 3A 44 C8 01 66 0F 73 D8 08 66 0F EF C1 66 0F EF C9 66 0F EF D2 66 0F 3A 0E D0 03 48 B8 24 61 CD 63 01 00 00 00 66 48 0F 6E D8 }
        // sample 952bf94f9285d3aeb8a90cd0da80cc02fd05941e3ba70310ffb1b0980aa41f5f: 41 code bytes at 0x18020a61e in the function at 0x18020a450 (117 instructions, in 2 target sample(s)); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 66 0F 3A 44 DA 00 66 0F 73 D8 04 66 0F EF C3 66 0F EF D2 66 0F 3A 0E D0 03 66 0F 3A 44 15 ?? ?? ?? ?? 10 66 0F 3A 0E D1 FC }
        // literal string of the data sections of sample e01387960c692968f7096abf3e9b1a42eb6d1d4bc7b9ee8bf974756d80fd8b5d (in 6 target sample(s); also in 5 more)
        $s8 = "}echonine.org005)tonyjewssandlegsroof000) 200winegeardogsbootgarycutstyletemption.xmlcockgang$('.50pxPh.Dmiscalanloandeskmileryanunixdisc);}" ascii wide fullword
        // literal string of the data sections of sample e01387960c692968f7096abf3e9b1a42eb6d1d4bc7b9ee8bf974756d80fd8b5d (in 6 target sample(s); also in 5 more)
        $s9 = "})();raising Also, crucialabout\">declare-->" ascii wide fullword
        // literal string of the data sections of sample e01387960c692968f7096abf3e9b1a42eb6d1d4bc7b9ee8bf974756d80fd8b5d (in 6 target sample(s); also in 5 more)
        $s10 = "workSpace buffer is not large enough" ascii wide fullword
        // literal string of the data sections of sample e01387960c692968f7096abf3e9b1a42eb6d1d4bc7b9ee8bf974756d80fd8b5d (in 6 target sample(s); also in 5 more)
        $s11 = "wiretoysaddssealalex;" ascii wide fullword
        // literal string of the data sections of sample e01387960c692968f7096abf3e9b1a42eb6d1d4bc7b9ee8bf974756d80fd8b5d (in 6 target sample(s); also in 5 more)
        $s12 = "was based onand became a&nbsp;&nbsp;t\" value=\"\" was capturedno more thanrespectivelycontinue to >" ascii wide fullword
        // literal string of the data sections of sample e01387960c692968f7096abf3e9b1a42eb6d1d4bc7b9ee8bf974756d80fd8b5d (in 6 target sample(s); also in 5 more)
        $s13 = "walesrisksumentddingb-likteachgif\" vegasdanskeestishqipsuomisobredesdeentretodospuedea" ascii wide fullword
        // literal string of the data sections of sample e01387960c692968f7096abf3e9b1a42eb6d1d4bc7b9ee8bf974756d80fd8b5d (in 6 target sample(s); also in 5 more)
        $s14 = "w.addEventListener?action=\"http://www.icon\" href=\"http:// style=\"background:type=\"text/css\" />" ascii wide fullword
        // literal string of the data sections of sample e01387960c692968f7096abf3e9b1a42eb6d1d4bc7b9ee8bf974756d80fd8b5d (in 6 target sample(s); also in 5 more)
        $s15 = "vidacasootroforosolootracualdijosidograntipotemadebealgoqu" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

rule codekin_crc32c
{
    meta:
        author = "codekin 0.1.0"
        family = "crc32c"
        samples = 6
        description = "code found in samples of crc32c and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample 59995c4affda63c7a09ea614d2b2bd0acf8590ded2a1df2af268d629e5168e8f: 48 code bytes at 0x1800015f5 in the function at 0x180001540 (732 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 4C 89 54 24 60 48 89 44 24 38 4C 8D 5D 98 4C 2B D9 48 8D 45 A8 48 2B C1 4C 89 5C 24 68 48 89 44 24 40 48 8D 7D B4 48 8D 45 AC 4C 2B F1 48 2B C1 }
        // sample 59995c4affda63c7a09ea614d2b2bd0acf8590ded2a1df2af268d629e5168e8f: 48 code bytes at 0x180001625 in the function at 0x180001540 (732 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 4C 2B F9 48 89 44 24 48 4C 2B E1 48 8D 45 B0 4C 2B E9 48 2B C1 48 89 44 24 50 48 2B F9 0F 1F 40 00 66 66 0F 1F 84 00 00 00 00 00 42 8B 44 06 F8 }
        // sample 59995c4affda63c7a09ea614d2b2bd0acf8590ded2a1df2af268d629e5168e8f: 47 code bytes at 0x180002091 in the function at 0x180001ec0 (236 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { C1 EA 09 8B F2 66 66 0F 1F 84 00 00 00 00 00 45 33 DB 49 8D 81 00 01 00 00 33 DB 0F 1F 40 00 F2 4D 0F 38 F1 11 F2 4D 0F 38 F1 99 00 01 00 00 }
        // sample 59995c4affda63c7a09ea614d2b2bd0acf8590ded2a1df2af268d629e5168e8f: 47 code bytes at 0x1800020ec in the function at 0x180001ec0 (236 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { F2 4D 0F 38 F1 99 10 01 00 00 F2 49 0F 38 F1 99 10 02 00 00 F2 4D 0F 38 F1 51 18 F2 4D 0F 38 F1 99 18 01 00 00 F2 49 0F 38 F1 99 18 02 00 00 }
        // sample 3b3762a870499098a155f9ba39b2232447e2dc431acdd7110dbcef1cba3da6dc: 48 code bytes at 0x1470 in the function at 0x1470 (176 instructions, in 2 target sample(s); also in 1 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 48 81 EC 90 00 00 00 49 89 F9 49 89 F2 BA 01 00 00 00 C7 44 24 08 78 3B F6 82 48 8D 44 24 0C 48 8D 8C 24 88 00 00 00 66 0F 1F 84 00 00 00 00 00 }
        // sample 3b3762a870499098a155f9ba39b2232447e2dc431acdd7110dbcef1cba3da6dc: 47 code bytes at 0x1bd1 in the function at 0x1720 (293 instructions, in 2 target sample(s); also in 1 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { F2 4C 0F 38 F1 8F D8 FE FF FF F2 48 0F 38 F1 8F E0 FD FF FF F2 48 0F 38 F1 57 D8 F2 4C 0F 38 F1 8F E0 FE FF FF F2 48 0F 38 F1 8F E8 FD FF FF }
        // sample 3b3762a870499098a155f9ba39b2232447e2dc431acdd7110dbcef1cba3da6dc: 48 code bytes at 0x1c58 in the function at 0x1720 (293 instructions, in 2 target sample(s); also in 1 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { F2 48 0F 38 F1 57 F8 46 8B 14 90 46 33 94 98 00 0C 00 00 44 0F B6 D9 44 33 94 98 00 04 00 00 44 89 D1 42 33 8C 98 00 08 00 00 4C 31 C9 41 89 CA }
        // sample 3b3762a870499098a155f9ba39b2232447e2dc431acdd7110dbcef1cba3da6dc: 48 code bytes at 0x1d6e in the function at 0x1720 (293 instructions, in 2 target sample(s); also in 1 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 48 83 C7 08 F2 48 0F 38 F1 17 48 83 C7 08 F2 48 0F 38 F1 17 48 83 C7 08 F2 48 0F 38 F1 17 48 83 C7 08 F2 48 0F 38 F1 17 48 83 C7 08 66 83 E8 01 }
        // sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48: 47 code bytes at 0xed0 in the function at 0xed0 (34 instructions, in 2 target sample(s); also in 1 more); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f8 = { 55 48 89 F7 31 C0 48 8D 35 ?? ?? ?? ?? 53 48 83 EC 68 48 8D 6C 24 10 48 8D 4C 24 0C C7 44 24 0C 00 00 00 00 48 89 EA E8 ?? ?? ?? ?? 85 C0 74 }
        // sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48: 41 code bytes at 0xf00 in the function at 0xed0 (34 instructions, in 2 target sample(s); also in 1 more); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f9 = { 8B 7C 24 0C 48 8B 54 24 20 48 8B 74 24 10 F7 D7 89 7C 24 0C FF 15 ?? ?? ?? ?? 48 89 EF 89 C3 E8 ?? ?? ?? ?? 89 DF F7 D7 E8 }
        // sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48: 43 code bytes at 0xfac in the function at 0xf50 (42 instructions, in 1 target sample(s)); 12 bytes wildcarded (addresses, relocations, relative offsets)
        $f10 = { 48 8B 74 24 10 F7 D7 89 7C 24 0C FF 15 ?? ?? ?? ?? 48 89 EF 89 C3 E8 ?? ?? ?? ?? 89 DF F7 D7 E8 ?? ?? ?? ?? 48 83 C4 68 5B 5D C3 }
        // sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48: 48 code bytes at 0x1170 in the function at 0x1170 (191 instructions, in 1 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f11 = { 55 BA 01 00 00 00 53 48 81 EC 90 00 00 00 C7 44 24 08 78 3B F6 82 4C 8D 5C 24 08 4C 8D 94 24 88 00 00 00 49 8D 43 04 66 0F 1F 84 00 00 00 00 00 }
        // literal string of the data sections of sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48 (in 6 target sample(s); also in 5 more)
        $s12 = "your processor. This package comes with a software implementation, but this" ascii wide fullword
        // literal string of the data sections of sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48 (in 6 target sample(s); also in 5 more)
        $s13 = "support has been opted out because the CRC32C_SW_MODE environment variable is" ascii wide fullword
        // literal string of the data sections of sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48 (in 6 target sample(s); also in 5 more)
        $s14 = "hardware_based" ascii wide fullword
        // literal string of the data sections of sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48 (in 6 target sample(s); also in 5 more)
        $s15 = "crc32c.crc32 will be eventually removed, use crc32c.crc32c instead" ascii wide fullword
        // literal string of the data sections of sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48 (in 6 target sample(s); also in 5 more)
        $s16 = "crc32c implementation in hardware and software" ascii wide fullword
        // literal string of the data sections of sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48 (in 6 target sample(s); also in 5 more)
        $s17 = "Hardware extensions providing a crc32c hardware instruction are not available in" ascii wide fullword
        // literal string of the data sections of sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48 (in 6 target sample(s); also in 5 more)
        $s18 = "Calculate crc32c incrementally (deprecated)" ascii wide fullword
        // literal string of the data sections of sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48 (in 6 target sample(s); also in 5 more)
        $s19 = " * If unset: use the software implementation if no hardware support is found" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

rule codekin_cytoolz
{
    meta:
        author = "codekin 0.1.0"
        family = "cytoolz"
        samples = 30
        description = "code found in samples of cytoolz and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample 3e3c1fc4f4a63de1163596ab721dd6d799384b2877d8391a3ff6767f301a8aad: 41 code bytes at 0x1800022e0 in the function at 0x1800022e0 (76 instructions, in 6 target sample(s); also in 5 more); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 48 89 5C 24 20 57 48 83 EC 20 49 8B D8 48 8B FA 4D 85 C0 0F 84 ?? ?? ?? ?? 33 C0 48 89 44 24 38 48 89 44 24 40 49 8B 40 08 }
        // sample 3e3c1fc4f4a63de1163596ab721dd6d799384b2877d8391a3ff6767f301a8aad: 48 code bytes at 0x180002309 in the function at 0x1800022e0 (76 instructions, in 6 target sample(s); also in 5 more); 6 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { F7 80 A8 00 00 00 00 00 00 04 75 ?? 45 33 C9 4C 8D 44 24 38 48 8D 54 24 40 48 8B CB FF 15 ?? ?? ?? ?? 85 C0 74 ?? 90 48 8B 44 24 38 48 8B 48 08 }
        // sample 3e3c1fc4f4a63de1163596ab721dd6d799384b2877d8391a3ff6767f301a8aad: 43 code bytes at 0x180002339 in the function at 0x1800022e0 (76 instructions, in 6 target sample(s); also in 5 more); 6 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { F7 81 A8 00 00 00 00 00 00 10 74 ?? 45 33 C9 4C 8D 44 24 38 48 8D 54 24 40 48 8B CB FF 15 ?? ?? ?? ?? 85 C0 75 ?? 48 8B CB FF 15 }
        // sample 3e3c1fc4f4a63de1163596ab721dd6d799384b2877d8391a3ff6767f301a8aad: 43 code bytes at 0x180002393 in the function at 0x1800022e0 (76 instructions, in 6 target sample(s); also in 5 more); 9 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { FF 15 ?? ?? ?? ?? 48 83 2B 01 75 ?? 48 8B CB FF 15 ?? ?? ?? ?? 48 8B C6 48 8B 74 24 30 48 8B 5C 24 48 48 83 C4 20 5F C3 48 8B 0D }
        // sample 8cf70ce53fedb1c4f80396995b488516c7867af366388a06f8895972d03b22d1: 46 code bytes at 0x180010930 in the function at 0x180010930 (31 instructions, in 3 target sample(s); also in 2 more); 6 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 48 89 5C 24 08 57 48 83 EC 20 48 8B FA 48 8B D9 48 85 D2 74 ?? 48 FF 02 48 8B 49 38 48 83 29 01 75 ?? FF 15 ?? ?? ?? ?? 48 89 7B 38 33 C0 }
        // sample 8cf70ce53fedb1c4f80396995b488516c7867af366388a06f8895972d03b22d1: 46 code bytes at 0x1800109b0 in the function at 0x1800109b0 (31 instructions, in 3 target sample(s); also in 2 more); 6 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 48 89 5C 24 08 57 48 83 EC 20 48 8B FA 48 8B D9 48 85 D2 74 ?? 48 FF 02 48 8B 49 40 48 83 29 01 75 ?? FF 15 ?? ?? ?? ?? 48 89 7B 40 33 C0 }
        // sample 8cf70ce53fedb1c4f80396995b488516c7867af366388a06f8895972d03b22d1: 46 code bytes at 0x1800118d0 in the function at 0x1800118d0 (31 instructions, in 3 target sample(s); also in 2 more); 6 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 48 89 5C 24 08 57 48 83 EC 20 48 8B FA 48 8B D9 48 85 D2 74 ?? 48 FF 02 48 8B 49 18 48 83 29 01 75 ?? FF 15 ?? ?? ?? ?? 48 89 7B 18 33 C0 }
        // sample 8cf70ce53fedb1c4f80396995b488516c7867af366388a06f8895972d03b22d1: 46 code bytes at 0x180011940 in the function at 0x180011940 (31 instructions, in 3 target sample(s); also in 2 more); 6 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 48 89 5C 24 08 57 48 83 EC 20 48 8B FA 48 8B D9 48 85 D2 74 ?? 48 FF 02 48 8B 49 20 48 83 29 01 75 ?? FF 15 ?? ?? ?? ?? 48 89 7B 20 33 C0 }
        // sample 920199f7810434751a2410be7cc3fe03d44460051808ca81b2fa53a1ad331fcb: 47 code bytes at 0x15bcb in the function at 0x15b50 (127 instructions, in 3 target sample(s); also in 2 more); 20 bytes wildcarded (addresses, relocations, relative offsets)
        $f8 = { 48 8D 15 ?? ?? ?? ?? 48 8D 35 ?? ?? ?? ?? 41 54 4C 8D 0D ?? ?? ?? ?? 41 B8 02 00 00 00 48 8D 0D ?? ?? ?? ?? 48 8B 38 31 C0 E8 ?? ?? ?? ?? 58 }
        // sample aae6162dc2899440cff17e844fbc0c8d348b05f3bf01e89a61ce0a6fb001255c: 46 code bytes at 0x6350 in the function at 0x6310 (164 instructions, in 3 target sample(s); also in 2 more); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f9 = { 48 83 C3 01 4C 89 E5 4D 39 75 08 75 ?? 48 39 D3 7D ?? 49 8B 45 18 4C 8B 24 D8 49 83 04 24 01 48 85 ED 74 ?? 48 83 6D 00 01 75 ?? 48 89 EF }
        // sample aae6162dc2899440cff17e844fbc0c8d348b05f3bf01e89a61ce0a6fb001255c: 46 code bytes at 0x63a8 in the function at 0x6310 (164 instructions, in 3 target sample(s); also in 2 more); 17 bytes wildcarded (addresses, relocations, relative offsets)
        $f10 = { E8 ?? ?? ?? ?? 48 89 C7 48 85 C0 74 ?? 48 8B 05 ?? ?? ?? ?? 48 8B 30 48 39 FE 0F 85 ?? ?? ?? ?? E8 ?? ?? ?? ?? 0F 1F 00 49 83 6D 00 01 74 }
        // sample aae6162dc2899440cff17e844fbc0c8d348b05f3bf01e89a61ce0a6fb001255c: 31 code bytes at 0x6400 in the function at 0x6310 (164 instructions, in 3 target sample(s); also in 2 more); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f11 = { 48 89 EF 48 89 44 24 08 E8 ?? ?? ?? ?? 48 8B 44 24 08 48 83 C4 10 5B 5D 41 5C 41 5D 41 5E C3 }
        // sample aae6162dc2899440cff17e844fbc0c8d348b05f3bf01e89a61ce0a6fb001255c: 46 code bytes at 0x6420 in the function at 0x6310 (164 instructions, in 3 target sample(s); also in 2 more); 14 bytes wildcarded (addresses, relocations, relative offsets)
        $f12 = { 4C 89 EF E8 ?? ?? ?? ?? EB ?? E8 ?? ?? ?? ?? 49 89 C5 48 85 C0 74 ?? 48 8B 40 08 4C 8B A0 E0 00 00 00 4D 85 E4 0F 84 ?? ?? ?? ?? 31 ED EB }
        // sample e1fb496867cffe04f447a6879b8bfeda68ceadcfdabb5d8ab67548c8f2c4aaec: 41 code bytes at 0x180022f90 in the function at 0x180022f90 (182 instructions, in 3 target sample(s); also in 2 more); 20 bytes wildcarded (addresses, relocations, relative offsets)
        $f13 = { 48 83 EC 28 4C 8D 05 ?? ?? ?? ?? 48 8D 15 ?? ?? ?? ?? 48 8D 0D ?? ?? ?? ?? E8 ?? ?? ?? ?? 85 C0 0F 88 ?? ?? ?? ?? 4C 8D 05 }
        // sample e1fb496867cffe04f447a6879b8bfeda68ceadcfdabb5d8ab67548c8f2c4aaec: 46 code bytes at 0x180023340 in the function at 0x180022f90 (182 instructions, in 3 target sample(s); also in 2 more); 16 bytes wildcarded (addresses, relocations, relative offsets)
        $f14 = { 4C 8D 05 ?? ?? ?? ?? 48 8D 15 ?? ?? ?? ?? 48 8D 0D ?? ?? ?? ?? E8 ?? ?? ?? ?? 33 C9 85 C0 0F 99 C1 8D 41 FF 48 83 C4 28 C3 B8 FF FF FF FF }
        // sample f889178ac8af9d9ec8ecb8347cd8b8f597baf3850347d40701ad4e5653a3dcff: 47 code bytes at 0xab40 in the function at 0xab40 (88 instructions, in 3 target sample(s); also in 2 more); 1 bytes wildcarded (addresses, relocations, relative offsets)
        $f15 = { 41 55 41 54 55 53 48 83 EC 08 48 8B 6F 10 48 8B 45 08 48 83 45 00 01 4C 8B A8 E0 00 00 00 4D 85 ED 74 ?? 48 89 FB 48 89 EF 41 FF D5 49 89 C4 }
        // sample f889178ac8af9d9ec8ecb8347cd8b8f597baf3850347d40701ad4e5653a3dcff: 42 code bytes at 0xabc0 in the function at 0xab40 (88 instructions, in 3 target sample(s); also in 2 more); 16 bytes wildcarded (addresses, relocations, relative offsets)
        $f16 = { 48 8B 50 18 48 8B 05 ?? ?? ?? ?? 48 8D 35 ?? ?? ?? ?? 48 8B 38 31 C0 E8 ?? ?? ?? ?? 48 83 6D 00 01 0F 84 ?? ?? ?? ?? 48 8D 0D }
        // sample 1f79306104f3cfa9265be39587b645cbf27af874da5931ba87530e9a77e37e33: 46 code bytes at 0xcc8c in the function at 0xcc60 (419 instructions, in 2 target sample(s); also in 1 more); 16 bytes wildcarded (addresses, relocations, relative offsets)
        $f17 = { 0F 84 ?? ?? ?? ?? FF D0 49 89 C4 4D 85 E4 0F 84 ?? ?? ?? ?? 48 8B 05 ?? ?? ?? ?? 49 39 44 24 08 0F 85 ?? ?? ?? ?? 4D 8B 7C 24 18 4D 85 FF }
        // sample 1f79306104f3cfa9265be39587b645cbf27af874da5931ba87530e9a77e37e33: 41 code bytes at 0x10670 in the function at 0x105a0 (1037 instructions, in 2 target sample(s); also in 1 more); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f18 = { 48 8B 40 68 48 85 C0 0F 84 ?? ?? ?? ?? 48 8B 40 18 48 85 C0 0F 84 ?? ?? ?? ?? 31 F6 48 89 EF FF D0 49 89 C5 4D 85 ED 0F 84 }
        // sample 7b9e665fd267ef97d0a99a46506d0c1a0d0722120e3c48f4e4e2e87bd769b18a: 46 code bytes at 0x180003012 in the function at 0x180002d00 (468 instructions, in 2 target sample(s); also in 1 more); 16 bytes wildcarded (addresses, relocations, relative offsets)
        $f19 = { 48 8B 0D ?? ?? ?? ?? 48 89 81 A8 00 00 00 48 85 C0 0F 84 ?? ?? ?? ?? 41 B9 30 00 00 00 4C 8D 05 ?? ?? ?? ?? 48 8D 15 ?? ?? ?? ?? 48 8B CB }
        // sample 7b9e665fd267ef97d0a99a46506d0c1a0d0722120e3c48f4e4e2e87bd769b18a: 40 code bytes at 0x18000317b in the function at 0x180002d00 (468 instructions, in 2 target sample(s); also in 1 more); 16 bytes wildcarded (addresses, relocations, relative offsets)
        $f20 = { 48 89 05 ?? ?? ?? ?? 48 85 C0 0F 84 ?? ?? ?? ?? 41 B9 80 00 00 00 4C 8D 05 ?? ?? ?? ?? 48 8D 15 ?? ?? ?? ?? 48 8B CB E8 }
        // sample 7b9e665fd267ef97d0a99a46506d0c1a0d0722120e3c48f4e4e2e87bd769b18a: 40 code bytes at 0x1800035e0 in the function at 0x180002d00 (468 instructions, in 2 target sample(s); also in 1 more); 16 bytes wildcarded (addresses, relocations, relative offsets)
        $f21 = { 48 89 05 ?? ?? ?? ?? 48 85 C0 0F 84 ?? ?? ?? ?? 41 B9 28 00 00 00 4C 8D 05 ?? ?? ?? ?? 48 8D 15 ?? ?? ?? ?? 48 8B CB E8 }
        // sample 7b9e665fd267ef97d0a99a46506d0c1a0d0722120e3c48f4e4e2e87bd769b18a: 47 code bytes at 0x18000366a in the function at 0x180002d00 (468 instructions, in 2 target sample(s); also in 1 more); 10 bytes wildcarded (addresses, relocations, relative offsets)
        $f22 = { 48 8B 0D ?? ?? ?? ?? 48 89 81 68 01 00 00 48 85 C0 74 ?? 48 83 2B 01 75 ?? 48 8B CB FF 15 ?? ?? ?? ?? 33 C0 48 83 C4 30 5B C3 48 83 2B 01 75 }
        // sample d4c2633ab9763557e335e17c399fd3bfdb55696ca7d4616aeac509443376ea3b: 47 code bytes at 0xa63e in the function at 0xa5e0 (341 instructions, in 2 target sample(s); also in 1 more); 9 bytes wildcarded (addresses, relocations, relative offsets)
        $f23 = { 0F 85 ?? ?? ?? ?? 49 8B 6C 24 18 4D 8B 6C 24 20 48 83 45 00 01 49 83 45 00 01 49 83 2C 24 01 74 ?? 4C 89 EF E8 ?? ?? ?? ?? 49 89 C4 48 85 C0 }
        // sample d4c2633ab9763557e335e17c399fd3bfdb55696ca7d4616aeac509443376ea3b: 48 code bytes at 0xa740 in the function at 0xa5e0 (341 instructions, in 2 target sample(s); also in 1 more); 12 bytes wildcarded (addresses, relocations, relative offsets)
        $f24 = { E8 ?? ?? ?? ?? 49 89 C6 48 85 C0 0F 84 ?? ?? ?? ?? 49 83 2C 24 01 0F 84 ?? ?? ?? ?? 49 8B 46 08 4C 89 F7 4C 8B A0 E0 00 00 00 41 FF D4 48 89 C5 }
        // sample d4c2633ab9763557e335e17c399fd3bfdb55696ca7d4616aeac509443376ea3b: 48 code bytes at 0xa87a in the function at 0xa5e0 (341 instructions, in 2 target sample(s); also in 1 more); 17 bytes wildcarded (addresses, relocations, relative offsets)
        $f25 = { 48 8B 05 ?? ?? ?? ?? 48 8D 35 ?? ?? ?? ?? 48 8B 38 31 C0 E8 ?? ?? ?? ?? 49 83 2C 24 01 74 ?? 48 8D 0D ?? ?? ?? ?? BA 3B 00 00 00 89 EE 45 31 E4 }
        // sample f26a0e55cae5fc781bbeecaa68858834b9f937db9cae5986f0ae279c036af827: 42 code bytes at 0xec61 in the function at 0xc774 (2777 instructions, in 2 target sample(s); also in 1 more); 16 bytes wildcarded (addresses, relocations, relative offsets)
        $f26 = { C6 84 24 ?? ?? ?? ?? 01 48 C7 84 24 ?? ?? ?? ?? 0B 00 00 00 48 C7 84 24 ?? ?? ?? ?? 00 00 00 00 66 C7 84 24 ?? ?? ?? ?? 01 00 }
        // sample f26a0e55cae5fc781bbeecaa68858834b9f937db9cae5986f0ae279c036af827: 42 code bytes at 0x10642 in the function at 0xc774 (2777 instructions, in 2 target sample(s); also in 1 more); 16 bytes wildcarded (addresses, relocations, relative offsets)
        $f27 = { 66 C7 84 24 ?? ?? ?? ?? 01 00 C6 84 24 ?? ?? ?? ?? 01 48 C7 84 24 ?? ?? ?? ?? 0E 00 00 00 48 C7 84 24 ?? ?? ?? ?? 00 00 00 00 }
        // sample f26a0e55cae5fc781bbeecaa68858834b9f937db9cae5986f0ae279c036af827: 41 code bytes at 0x36a3d in the function at 0x362d0 (485 instructions, in 2 target sample(s); also in 1 more); 20 bytes wildcarded (addresses, relocations, relative offsets)
        $f28 = { 41 B8 02 00 00 00 48 8D 15 ?? ?? ?? ?? 48 8B 38 31 C0 E8 ?? ?? ?? ?? 59 5E BE ?? ?? ?? ?? E9 ?? ?? ?? ?? BE ?? ?? ?? ?? E9 }
        // sample f26a0e55cae5fc781bbeecaa68858834b9f937db9cae5986f0ae279c036af827: 48 code bytes at 0x3c020 in the function at 0x3bd10 (888 instructions, in 2 target sample(s); also in 1 more); 16 bytes wildcarded (addresses, relocations, relative offsets)
        $f29 = { 48 39 C8 0F 84 ?? ?? ?? ?? 48 8B 35 ?? ?? ?? ?? 48 39 F0 0F 84 ?? ?? ?? ?? 48 8B B8 58 01 00 00 48 85 FF 0F 84 ?? ?? ?? ?? 4C 8B 47 10 4D 85 C0 }
        // literal string of the data sections of sample 920199f7810434751a2410be7cc3fe03d44460051808ca81b2fa53a1ad331fcb (in 24 target sample(s); also in 23 more)
        $s30 = "PyObject *(PyObject *, int __pyx_skip_dispatch)" ascii wide fullword
        // literal string of the data sections of sample f889178ac8af9d9ec8ecb8347cd8b8f597baf3850347d40701ad4e5653a3dcff (in 24 target sample(s); also in 23 more)
        $s31 = "    See Also:" ascii wide fullword
        // literal string of the data sections of sample 920199f7810434751a2410be7cc3fe03d44460051808ca81b2fa53a1ad331fcb (in 18 target sample(s); also in 17 more)
        $s32 = "cytoolz.utils" ascii wide fullword
        // literal string of the data sections of sample 920199f7810434751a2410be7cc3fe03d44460051808ca81b2fa53a1ad331fcb (in 18 target sample(s); also in 17 more)
        $s33 = "PyObject *(PyObject *, PyObject *, int __pyx_skip_dispatch)" ascii wide fullword
        // literal string of the data sections of sample 525dee95654d9898ba0c6252cb666afa80e395c5e59c89dc8b4db31df734009c (in 12 target sample(s); also in 11 more)
        $s34 = "sliding_window" ascii wide fullword
        // literal string of the data sections of sample 525dee95654d9898ba0c6252cb666afa80e395c5e59c89dc8b4db31df734009c (in 12 target sample(s); also in 11 more)
        $s35 = "random_sample" ascii wide fullword
        // literal string of the data sections of sample 525dee95654d9898ba0c6252cb666afa80e395c5e59c89dc8b4db31df734009c (in 12 target sample(s); also in 11 more)
        $s36 = "partition_all" ascii wide fullword
        // literal string of the data sections of sample 525dee95654d9898ba0c6252cb666afa80e395c5e59c89dc8b4db31df734009c (in 12 target sample(s); also in 11 more)
        $s37 = "cytoolz.itertoolz" ascii wide fullword
        // literal string of the data sections of sample 525dee95654d9898ba0c6252cb666afa80e395c5e59c89dc8b4db31df734009c (in 12 target sample(s); also in 11 more)
        $s38 = "__no__default__" ascii wide fullword
        // literal string of the data sections of sample 525dee95654d9898ba0c6252cb666afa80e395c5e59c89dc8b4db31df734009c (in 12 target sample(s); also in 11 more)
        $s39 = "_unique_key" ascii wide fullword
        // literal string of the data sections of sample 920199f7810434751a2410be7cc3fe03d44460051808ca81b2fa53a1ad331fcb (in 12 target sample(s); also in 11 more)
        $s40 = "identity(x)" ascii wide fullword
        // literal string of the data sections of sample 1f79306104f3cfa9265be39587b645cbf27af874da5931ba87530e9a77e37e33 (in 10 target sample(s); also in 9 more)
        $s41 = "_cython_3_0_8.cython_function_or_method" ascii wide fullword
        // literal string of the data sections of sample 920199f7810434751a2410be7cc3fe03d44460051808ca81b2fa53a1ad331fcb (in 6 target sample(s); also in 5 more)
        $s42 = "thread_last(val, *forms)" ascii wide fullword
        // literal string of the data sections of sample 920199f7810434751a2410be7cc3fe03d44460051808ca81b2fa53a1ad331fcb (in 6 target sample(s); also in 5 more)
        $s43 = "thread_first(val, *forms)" ascii wide fullword
        // literal string of the data sections of sample 920199f7810434751a2410be7cc3fe03d44460051808ca81b2fa53a1ad331fcb (in 6 target sample(s); also in 5 more)
        $s44 = "signature_or_spec" ascii wide fullword
        // literal string of the data sections of sample aae6162dc2899440cff17e844fbc0c8d348b05f3bf01e89a61ce0a6fb001255c (in 6 target sample(s); also in 5 more)
        $s45 = "raises(err, lamda)" ascii wide fullword
        // literal string of the data sections of sample aae6162dc2899440cff17e844fbc0c8d348b05f3bf01e89a61ce0a6fb001255c (in 6 target sample(s); also in 5 more)
        $s46 = "include_dirs()" ascii wide fullword
        // literal string of the data sections of sample aae6162dc2899440cff17e844fbc0c8d348b05f3bf01e89a61ce0a6fb001255c (in 6 target sample(s); also in 5 more)
        $s47 = "cytoolz/utils.c" ascii wide fullword
        // literal string of the data sections of sample aae6162dc2899440cff17e844fbc0c8d348b05f3bf01e89a61ce0a6fb001255c (in 6 target sample(s); also in 5 more)
        $s48 = "consume(seq)" ascii wide fullword
        // literal string of the data sections of sample aae6162dc2899440cff17e844fbc0c8d348b05f3bf01e89a61ce0a6fb001255c (in 6 target sample(s); also in 5 more)
        $s49 = "Module 'utils' has already been imported. Re-initialisation is not supported." ascii wide fullword
        // literal string of the data sections of sample f889178ac8af9d9ec8ecb8347cd8b8f597baf3850347d40701ad4e5653a3dcff (in 6 target sample(s); also in 5 more)
        $s50 = "{0}() got an unexpected keyword argument '{1}'" ascii wide fullword
        // literal string of the data sections of sample f889178ac8af9d9ec8ecb8347cd8b8f597baf3850347d40701ad4e5653a3dcff (in 6 target sample(s); also in 5 more)
        $s51 = "valmap(func, d, factory=dict)" ascii wide fullword
        // literal string of the data sections of sample f889178ac8af9d9ec8ecb8347cd8b8f597baf3850347d40701ad4e5653a3dcff (in 6 target sample(s); also in 5 more)
        $s52 = "valmap (line 178)" ascii wide fullword
        // literal string of the data sections of sample f889178ac8af9d9ec8ecb8347cd8b8f597baf3850347d40701ad4e5653a3dcff (in 6 target sample(s); also in 5 more)
        $s53 = "valfilter(predicate, d, factory=dict)" ascii wide fullword
        // literal string of the data sections of sample f889178ac8af9d9ec8ecb8347cd8b8f597baf3850347d40701ad4e5653a3dcff (in 6 target sample(s); also in 5 more)
        $s54 = "valfilter (line 266)" ascii wide fullword
        // literal string of the data sections of sample f889178ac8af9d9ec8ecb8347cd8b8f597baf3850347d40701ad4e5653a3dcff (in 6 target sample(s); also in 5 more)
        $s55 = "update_in(d, keys, func, default=None, factory=dict)" ascii wide fullword
        // literal string of the data sections of sample f889178ac8af9d9ec8ecb8347cd8b8f597baf3850347d40701ad4e5653a3dcff (in 6 target sample(s); also in 5 more)
        $s56 = "update_in (line 464)" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

rule codekin_google_crc32c
{
    meta:
        author = "codekin 0.1.0"
        family = "google-crc32c"
        samples = 8
        description = "code found in samples of google-crc32c and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample efe5efa935708ba28481d6f094afcc7235c005eb55d09f6a68ffefb5c4dd6900: 48 code bytes at 0x180001ee0 in the function at 0x180001ee0 (350 instructions, in 2 target sample(s); also in 2 more); 3 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 48 89 5C 24 08 48 8D 42 07 F7 D1 48 83 E0 F8 4E 8D 1C 02 49 3B C3 77 ?? 48 3B D0 74 ?? 0F 1F 00 F2 0F 38 F0 0A 48 FF C2 48 3B D0 75 ?? 49 8B C3 }
        // sample efe5efa935708ba28481d6f094afcc7235c005eb55d09f6a68ffefb5c4dd6900: 47 code bytes at 0x1800021c0 in the function at 0x180001ee0 (350 instructions, in 2 target sample(s); also in 2 more); 5 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { F2 4C 0F 38 F1 92 A0 0A 00 00 48 83 C2 08 48 83 E8 01 75 ?? 49 8B C0 48 81 C2 A0 0A 00 00 48 C1 E8 1C 83 E0 0F 8B 8C 83 ?? ?? ?? ?? 49 8B C0 }
        // sample efe5efa935708ba28481d6f094afcc7235c005eb55d09f6a68ffefb5c4dd6900: 47 code bytes at 0x180002360 in the function at 0x180001ee0 (350 instructions, in 2 target sample(s); also in 1 more); 5 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { F2 4C 0F 38 F1 92 A0 02 00 00 48 83 C2 08 48 83 E8 01 75 ?? 49 8B C0 48 81 C2 A0 02 00 00 48 C1 E8 1C 83 E0 0F 8B 8C 83 ?? ?? ?? ?? 49 8B C0 }
        // sample efe5efa935708ba28481d6f094afcc7235c005eb55d09f6a68ffefb5c4dd6900: 48 code bytes at 0x1800024d6 in the function at 0x180001ee0 (350 instructions, in 2 target sample(s); also in 1 more); 3 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { F2 4C 0F 38 F1 42 08 48 83 C2 10 48 83 E8 10 48 83 F8 10 7D ?? 49 3B D3 74 ?? F2 44 0F 38 F0 02 48 FF C2 49 3B D3 75 ?? 48 8B 5C 24 08 41 F7 D0 }
        // sample 3df7fc486f03a68d4b50f440d9d0225893bcaeb3e3bec49b3d845cdd4ec4c7d3: 46 code bytes at 0x180001000 in the function at 0x180001000 (22 instructions, in 1 target sample(s); also in 1 more); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 48 83 EC 48 48 8B C2 48 8D 4C 24 68 48 89 4C 24 20 4C 8D 4C 24 30 48 8B C8 4C 8D 44 24 60 48 8D 15 ?? ?? ?? ?? FF 15 ?? ?? ?? ?? 85 C0 75 }
        // sample 3df7fc486f03a68d4b50f440d9d0225893bcaeb3e3bec49b3d845cdd4ec4c7d3: 46 code bytes at 0x180001060 in the function at 0x180001060 (18 instructions, in 1 target sample(s); also in 1 more); 9 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 48 83 EC 28 48 8B CA 4C 8D 4C 24 40 48 8D 15 ?? ?? ?? ?? 4C 8D 44 24 48 FF 15 ?? ?? ?? ?? 85 C0 75 ?? 33 C0 48 83 C4 28 C3 48 8B 54 24 40 }
        // sample e2ce91112af27700220baa40d559b267fc21d053c0298a927788dc7620ef6c16: 40 code bytes at 0x18000102f in the function at 0x180001000 (22 instructions, in 1 target sample(s)); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 33 C0 48 83 C4 48 C3 4C 8B 44 24 68 48 8B 54 24 30 8B 4C 24 60 FF 15 ?? ?? ?? ?? 8B C8 FF 15 ?? ?? ?? ?? 48 83 C4 48 C3 }
        // sample e2ce91112af27700220baa40d559b267fc21d053c0298a927788dc7620ef6c16: 24 code bytes at 0x18000108e in the function at 0x180001060 (18 instructions, in 1 target sample(s)); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 48 8B 4C 24 48 FF 15 ?? ?? ?? ?? 8B C8 FF 15 ?? ?? ?? ?? 48 83 C4 28 C3 }
        // literal string of the data sections of sample e6c91b61bed80e978356675bd8d138938981126f7df9cff6b2bc8d2a9f828397 (in 4 target sample(s); also in 3 more)
        $s8 = "Return an updated CRC32C checksum." ascii wide fullword
        // literal string of the data sections of sample e6c91b61bed80e978356675bd8d138938981126f7df9cff6b2bc8d2a9f828397 (in 4 target sample(s); also in 3 more)
        $s9 = "Return an initial CRC32C checksum." ascii wide fullword
        // literal string of the data sections of sample efe5efa935708ba28481d6f094afcc7235c005eb55d09f6a68ffefb5c4dd6900 (in 2 target sample(s); also in 1 more)
        $s10 = "crc32c_value" ascii wide fullword
        // literal string of the data sections of sample efe5efa935708ba28481d6f094afcc7235c005eb55d09f6a68ffefb5c4dd6900 (in 2 target sample(s); also in 1 more)
        $s11 = "crc32c_extend" ascii wide fullword
        // literal string of the data sections of sample efe5efa935708ba28481d6f094afcc7235c005eb55d09f6a68ffefb5c4dd6900 (in 2 target sample(s); also in 1 more)
        $s12 = "crc32c.dll" ascii wide fullword
        // literal string of the data sections of sample efe5efa935708ba28481d6f094afcc7235c005eb55d09f6a68ffefb5c4dd6900 (in 2 target sample(s); also in 1 more)
        $s13 = "?ExtendSse42@crc32c@@YAIIPEBE_K@Z" ascii wide fullword
        // literal string of the data sections of sample efe5efa935708ba28481d6f094afcc7235c005eb55d09f6a68ffefb5c4dd6900 (in 2 target sample(s); also in 1 more)
        $s14 = "?ExtendPortable@crc32c@@YAIIPEBE_K@Z" ascii wide fullword
        // literal string of the data sections of sample efe5efa935708ba28481d6f094afcc7235c005eb55d09f6a68ffefb5c4dd6900 (in 2 target sample(s); also in 1 more)
        $s15 = "?Extend@crc32c@@YAIIPEBE_K@Z" ascii wide fullword
        // literal string of the data sections of sample f4ec42f091f47df126d8c9bc62771aefc7f21f1a9c9b8ef0c38598546007ddbd (in 2 target sample(s); also in 1 more)
        $s16 = "google_crc32c._crc32c_cffi" ascii wide fullword
        // literal string of the data sections of sample 3df7fc486f03a68d4b50f440d9d0225893bcaeb3e3bec49b3d845cdd4ec4c7d3 (in 1 target sample(s))
        $s17 = "_crc32c.cp310-win_amd64.pyd" ascii wide fullword
        // literal string of the data sections of sample 58ccd7441853253dc5c813731c765980c0ac38fabf1b8f8c70638a4e411db683 (in 1 target sample(s))
        $s18 = "PyInit__crc32c_cffi" ascii wide fullword
        // literal string of the data sections of sample 58ccd7441853253dc5c813731c765980c0ac38fabf1b8f8c70638a4e411db683 (in 1 target sample(s))
        $s19 = "_crc32c_cffi.pyd" ascii wide fullword
        // literal string of the data sections of sample ef281d861d98357830df228e81ec8a51c24d5c39430cbe91549ee98cb23903a6 (in 1 target sample(s))
        $s20 = "C:\\tmpfs\\src\\github\\python-crc32c\\google_crc32c\\build\\RelWithDebInfo\\crc32c.pdb" ascii wide fullword
        // literal string of the data sections of sample efe5efa935708ba28481d6f094afcc7235c005eb55d09f6a68ffefb5c4dd6900 (in 1 target sample(s))
        $s21 = "D:\\a\\python-crc32c\\python-crc32c\\google_crc32c\\build\\RelWithDebInfo\\crc32c.pdb" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

rule codekin_httptools
{
    meta:
        author = "codekin 0.1.0"
        family = "httptools"
        samples = 12
        description = "code found in samples of httptools and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample 59606f6d43e066633a8b17a442dc4dcf49d7bc7f760eecfd1c88abd1de02f486: 47 code bytes at 0x7010 in the function at 0x7010 (40 instructions, in 4 target sample(s); also in 3 more); 6 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 89 F0 41 89 D0 83 EE 01 78 ?? 48 63 D6 48 C1 E2 04 44 39 44 17 08 7C ?? 85 F6 7E ?? 31 C9 EB ?? 7D ?? 8D 48 01 39 F1 7D ?? 89 F2 29 CA 89 D0 }
        // sample 59606f6d43e066633a8b17a442dc4dcf49d7bc7f760eecfd1c88abd1de02f486: 43 code bytes at 0x703f in the function at 0x7010 (40 instructions, in 4 target sample(s); also in 3 more); 2 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { C1 E8 1F 01 D0 D1 F8 01 C8 48 63 D0 48 C1 E2 04 8B 54 17 08 44 39 C2 7E ?? 89 C6 39 F1 7C ?? 41 39 D0 0F 9F C2 0F B6 D2 01 D0 C3 }
        // sample 25dd12bdb6e7b3076021be1c44e2c1dd0c492d0ad81389086f5207bc6b26da2e: 48 code bytes at 0x88e0 in the function at 0x88e0 (36 instructions, in 2 target sample(s); also in 1 more); 3 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 45 31 C0 F6 07 03 74 ?? 0F B7 47 14 66 3D 30 01 0F 94 C1 66 3D CC 00 0F 94 C2 08 D1 75 ?? 83 E8 64 66 83 F8 63 76 ?? 0F B7 17 89 D0 66 C1 E8 02 }
        // sample 38f3ddafca0a363e3066c8d7f19980284b2a15441837b8ae1deb7ec929f7c31f: 47 code bytes at 0x180004ca0 in the function at 0x180004ca0 (178 instructions, in 2 target sample(s); also in 1 more); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 48 89 5C 24 08 48 89 6C 24 10 48 89 74 24 18 48 89 7C 24 20 41 56 0F B7 42 08 48 8D 3D ?? ?? ?? ?? 44 0F B7 4A 0A 33 F6 4C 03 C8 66 89 72 0A }
        // sample 38f3ddafca0a363e3066c8d7f19980284b2a15441837b8ae1deb7ec929f7c31f: 44 code bytes at 0x180004cf7 in the function at 0x180004ca0 (178 instructions, in 2 target sample(s); also in 1 more); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 48 BD 01 FB 1F 00 00 00 00 04 49 BE F9 BF FF 17 00 00 00 40 0F 1F 44 00 00 41 0F B6 10 41 8D 42 FE 83 F8 0A 0F 87 ?? ?? ?? ?? 48 98 }
        // sample 38f3ddafca0a363e3066c8d7f19980284b2a15441837b8ae1deb7ec929f7c31f: 47 code bytes at 0x180004db1 in the function at 0x180004ca0 (178 instructions, in 2 target sample(s); also in 1 more); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 80 FA 01 0F 87 ?? ?? ?? ?? 41 0F B7 C0 41 BA 06 00 00 00 66 2B C3 66 41 FF 43 0A 66 41 89 43 08 E9 ?? ?? ?? ?? 0F B6 C2 0C 20 2C 61 3C 19 76 }
        // sample 38f3ddafca0a363e3066c8d7f19980284b2a15441837b8ae1deb7ec929f7c31f: 46 code bytes at 0x180004e9c in the function at 0x180004ca0 (178 instructions, in 2 target sample(s); also in 1 more); 6 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 3C 3A 77 ?? 48 0F A3 C5 72 ?? 80 FA 7E 75 ?? 66 41 FF 43 0A 41 BA 0A 00 00 00 EB ?? 80 EA 30 80 FA 09 77 ?? 41 83 FA 0C 74 ?? 41 0F B7 C0 }
        // sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e: 47 code bytes at 0x6f68 in the function at 0x6f40 (40 instructions, in 2 target sample(s); also in 1 more); 3 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 7E ?? 44 8D 40 01 45 39 C8 7D ?? 44 89 C8 44 29 C0 89 C1 C1 E9 1F 01 C8 D1 F8 44 01 C0 48 63 C8 48 C1 E1 04 8B 4C 0F 08 39 CA 7D ?? 41 89 C1 }
        // sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e: 46 code bytes at 0x7ef7 in the function at 0x7d70 (331 instructions, in 2 target sample(s); also in 1 more); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f8 = { 4C 89 EF E8 ?? ?? ?? ?? 85 C0 B8 00 00 00 00 0F 45 D8 48 8B 7D 58 48 8B 44 24 60 48 8B 55 60 4C 8B 6D 68 4C 89 7D 58 4C 89 75 60 48 85 FF }
        // sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e: 45 code bytes at 0x7fff in the function at 0x7d70 (331 instructions, in 2 target sample(s); also in 1 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f9 = { 4C 89 6C 24 30 4C 89 74 24 28 48 89 54 24 20 48 89 54 24 18 48 89 54 24 10 48 89 54 24 08 48 89 14 24 4C 89 4C 24 40 31 D2 89 44 24 38 }
        // sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e: 45 code bytes at 0x80b6 in the function at 0x7d70 (331 instructions, in 2 target sample(s); also in 1 more); 1 bytes wildcarded (addresses, relocations, relative offsets)
        $f10 = { 7D ?? 0F 1F 84 00 00 00 00 00 4D 63 C1 41 83 E9 01 49 C1 E0 04 45 39 F1 4B 8B 4C 05 F0 4B 8B 5C 05 F8 4B 89 4C 05 00 4B 89 5C 05 08 75 }
        // sample 50e8dacdf90342e6679f4902f0918af0288cf4978e0fda01acfe50afa3db01ac: 43 code bytes at 0xa0d1 in the function at 0x94a8 (1526 instructions, in 1 target sample(s)); 20 bytes wildcarded (addresses, relocations, relative offsets)
        $f11 = { 0F 84 ?? ?? ?? ?? 48 89 EF E8 ?? ?? ?? ?? 48 8D 3D ?? ?? ?? ?? E8 ?? ?? ?? ?? 48 89 C5 48 85 C0 0F 84 ?? ?? ?? ?? BA 20 00 00 00 }
        // sample 5888ed234c851bc8666bf7634dacfbf3f93a1ec98fc6963150982a491a7e3a8f: 46 code bytes at 0x18000154d in the function at 0x1800014f0 (126 instructions, in 1 target sample(s)); 13 bytes wildcarded (addresses, relocations, relative offsets)
        $f12 = { 48 8B 49 28 48 83 29 01 75 ?? FF 15 ?? ?? ?? ?? 48 8B 05 ?? ?? ?? ?? 48 89 43 28 48 8B 05 ?? ?? ?? ?? 48 FF 00 48 8B 4B 30 48 83 29 01 75 }
        // sample 5888ed234c851bc8666bf7634dacfbf3f93a1ec98fc6963150982a491a7e3a8f: 45 code bytes at 0x180001937 in the function at 0x180001820 (91 instructions, in 1 target sample(s); also in 1 more); 15 bytes wildcarded (addresses, relocations, relative offsets)
        $f13 = { 48 8D 0D ?? ?? ?? ?? 44 8B C6 8B D5 E8 ?? ?? ?? ?? 33 C0 EB ?? 48 83 2B 01 75 ?? 48 8B CB FF 15 ?? ?? ?? ?? 48 83 2F 01 75 ?? 48 8B CF }
        // sample 6cf35c03b65852c6a07f179baa4c6dd67b352a53d9503ef9694700c771919116: 42 code bytes at 0x1800016f0 in the function at 0x1800016c0 (46 instructions, in 1 target sample(s); also in 1 more); 14 bytes wildcarded (addresses, relocations, relative offsets)
        $f14 = { FF 15 ?? ?? ?? ?? 48 8B 4B 28 48 3B 0D ?? ?? ?? ?? 75 ?? 48 FF 07 48 8B 4B 28 48 83 29 01 75 ?? FF 15 ?? ?? ?? ?? 48 89 7B 28 }
        // sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e: 38 code bytes at 0xbd00 in the function at 0xbd00 (298 instructions, in 1 target sample(s)); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f15 = { 41 55 41 54 49 89 F4 55 89 D5 53 48 89 FB 48 83 EC 08 48 8B 7F 20 E8 ?? ?? ?? ?? 48 8B 7B 18 48 8B 53 20 89 EE E8 }
        // sample 8ee6fe5910376385cfa65777a6c15eec69a12b6388e385372ffcbeb973a19f61: 42 code bytes at 0x1800013ee in the function at 0x180001390 (144 instructions, in 1 target sample(s)); 13 bytes wildcarded (addresses, relocations, relative offsets)
        $f16 = { 48 83 29 01 75 ?? FF 15 ?? ?? ?? ?? 48 8B 05 ?? ?? ?? ?? 48 89 47 28 48 8B 05 ?? ?? ?? ?? 48 FF 00 48 8B 4F 30 48 83 29 01 75 }
        // literal string of the data sections of sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e (in 12 target sample(s); also in 11 more)
        $s17 = "HttpParserInvalidURLError" ascii wide fullword
        // literal string of the data sections of sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e (in 6 target sample(s); also in 5 more)
        $s18 = "invalid headers state" ascii wide fullword
        // literal string of the data sections of sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e (in 6 target sample(s); also in 5 more)
        $s19 = "init httptools.parser.parser" ascii wide fullword
        // literal string of the data sections of sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e (in 6 target sample(s); also in 5 more)
        $s20 = "httptools/parser/parser.c" ascii wide fullword
        // literal string of the data sections of sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e (in 6 target sample(s); also in 5 more)
        $s21 = "httptools.parser.parser.parser_error_from_errno" ascii wide fullword
        // literal string of the data sections of sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e (in 6 target sample(s); also in 5 more)
        $s22 = "httptools.parser.parser.cb_on_url" ascii wide fullword
        // literal string of the data sections of sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e (in 6 target sample(s); also in 5 more)
        $s23 = "httptools.parser.parser.cb_on_status" ascii wide fullword
        // literal string of the data sections of sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e (in 6 target sample(s); also in 5 more)
        $s24 = "httptools.parser.parser.cb_on_message_complete" ascii wide fullword
        // literal string of the data sections of sample 9b3e41f8b07e69766aa6f996b029d8e81daa9e8e5762cd12e566c8adac35ea23 (in 6 target sample(s); also in 5 more)
        $s25 = "init httptools.parser.url_parser" ascii wide fullword
        // literal string of the data sections of sample 9b3e41f8b07e69766aa6f996b029d8e81daa9e8e5762cd12e566c8adac35ea23 (in 6 target sample(s); also in 5 more)
        $s26 = "httptools/parser/url_parser.c" ascii wide fullword
        // literal string of the data sections of sample 9b3e41f8b07e69766aa6f996b029d8e81daa9e8e5762cd12e566c8adac35ea23 (in 6 target sample(s); also in 5 more)
        $s27 = "httptools.parser.url_parser.parse_url" ascii wide fullword
        // literal string of the data sections of sample 9b3e41f8b07e69766aa6f996b029d8e81daa9e8e5762cd12e566c8adac35ea23 (in 6 target sample(s); also in 5 more)
        $s28 = "httptools.parser.url_parser.URL.__setstate_cython__" ascii wide fullword
        // literal string of the data sections of sample 9b3e41f8b07e69766aa6f996b029d8e81daa9e8e5762cd12e566c8adac35ea23 (in 6 target sample(s); also in 5 more)
        $s29 = "httptools.parser.url_parser.URL.__repr__" ascii wide fullword
        // literal string of the data sections of sample 9b3e41f8b07e69766aa6f996b029d8e81daa9e8e5762cd12e566c8adac35ea23 (in 6 target sample(s); also in 5 more)
        $s30 = "httptools.parser.url_parser.URL.__reduce_cython__" ascii wide fullword
        // literal string of the data sections of sample 9b3e41f8b07e69766aa6f996b029d8e81daa9e8e5762cd12e566c8adac35ea23 (in 6 target sample(s); also in 5 more)
        $s31 = "httptools.parser.url_parser.URL.__cinit__" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

rule codekin_isal
{
    meta:
        author = "codekin 0.1.0"
        family = "isal"
        samples = 17
        description = "code found in samples of isal and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample 13281731c6fd7901191714c6b178d2b5c53aee82fdf8cb893043f4939f861d46: 48 code bytes at 0x180022b90 in the function at 0x180022b90 (20 instructions, in 6 target sample(s); also in 5 more); 12 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 8B 41 28 8B 51 08 83 E8 02 74 ?? 83 F8 01 75 ?? 85 D2 75 ?? 48 8B 49 30 48 8B 81 ?? ?? ?? ?? 48 39 81 ?? ?? ?? ?? 72 ?? B8 01 00 00 00 C3 33 C0 }
        // sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9: 46 code bytes at 0x19c10 in the function at 0x19c10 (130 instructions, in 6 target sample(s); also in 5 more); 1 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 41 57 41 56 41 55 49 89 FD 41 54 41 BC 0A 00 00 00 55 31 ED 53 48 89 F3 48 83 EC 18 8B 0E 85 C9 40 0F 95 C5 48 83 7E 10 00 74 ?? 8B 46 1C }
        // sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9: 48 code bytes at 0x19c9d in the function at 0x19c10 (130 instructions, in 6 target sample(s); also in 5 more); 2 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 74 ?? 83 CD 02 41 83 C4 02 45 39 65 18 72 ?? 4D 8B 7D 10 B8 1F 8B FF FF 66 41 89 07 4D 8D 47 0A 41 C6 47 02 08 41 88 6F 03 8B 43 04 41 89 47 04 }
        // sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9: 47 code bytes at 0x34200 in the function at 0x341a0 (67 instructions, in 6 target sample(s); also in 5 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 81 E1 FF 03 00 00 66 C1 EF 03 41 0F B6 4C 8A 7F 49 8D 14 92 0F B7 FF 44 0F B6 5A 03 0F B6 6A 02 44 01 E1 0F B7 12 41 01 CB 48 D3 E2 44 89 D9 }
        // sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9: 47 code bytes at 0x3422f in the function at 0x341a0 (67 instructions, in 6 target sample(s); also in 5 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 48 0B 16 41 01 EB 48 D3 E7 44 89 E1 48 09 FA 41 8B 7C 9A 7C 44 89 5E 08 81 E7 FF FF FF 00 48 D3 E7 48 09 FA 48 89 16 48 89 10 8B 46 08 89 C2 }
        // sample febbca8555a05bb6f4daa35d8c44e3e217b835d628c17c96ac584c586ebed4e7: 48 code bytes at 0x18001b530 in the function at 0x18001b530 (169 instructions, in 4 target sample(s); also in 5 more); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 89 54 24 10 53 56 57 41 55 41 56 41 57 48 83 EC 28 33 F6 45 8B F9 4D 8B E8 48 8B F9 44 8B F2 81 FA 5A 03 00 00 0F 87 ?? ?? ?? ?? 4C 89 64 24 20 }
        // sample febbca8555a05bb6f4daa35d8c44e3e217b835d628c17c96ac584c586ebed4e7: 48 code bytes at 0x18001b560 in the function at 0x18001b530 (169 instructions, in 4 target sample(s); also in 5 more); 1 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 41 BC 5B 03 00 00 8B C2 44 2B E2 48 89 6C 24 70 48 8D 04 C1 48 89 44 24 60 48 8B D8 0F 1F 40 00 8B 0B 81 F9 1E 01 00 00 76 ?? 8B 53 04 8D 41 FF }
        // sample febbca8555a05bb6f4daa35d8c44e3e217b835d628c17c96ac584c586ebed4e7: 45 code bytes at 0x18001b6d0 in the function at 0x18001b530 (169 instructions, in 4 target sample(s); also in 3 more); 2 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { FF C3 48 83 3C DF 00 48 8D 0C DF 74 ?? 48 83 C2 08 49 83 E8 01 75 ?? 41 8B C6 48 83 C4 28 41 5F 41 5E 41 5D 5F 5E 5B C3 BB 01 00 00 00 }
        // sample febbca8555a05bb6f4daa35d8c44e3e217b835d628c17c96ac584c586ebed4e7: 33 code bytes at 0x180015aae in the function at 0x1800157d0 (152 instructions, in 2 target sample(s); also in 1 more); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f8 = { 48 8D 15 ?? ?? ?? ?? 48 8B CB FF 15 ?? ?? ?? ?? 48 8B C3 48 83 C4 20 5B C3 33 C0 48 83 C4 20 5B C3 }
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 12 target sample(s); also in 11 more)
        $s9 = "Unsufficient memory for buffer allocation" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 12 target sample(s); also in 11 more)
        $s10 = "ISAL_DEFAULT_COMPRESSION" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 12 target sample(s); also in 11 more)
        $s11 = "ISAL_BEST_SPEED" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 12 target sample(s); also in 11 more)
        $s12 = "ISAL_BEST_COMPRESSION" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 10 target sample(s); also in 9 more)
        $s13 = "Unknown Error" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 10 target sample(s); also in 9 more)
        $s14 = "Not enough room in output buffer" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 10 target sample(s); also in 9 more)
        $s15 = "Level buffer too small." ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 10 target sample(s); also in 9 more)
        $s16 = "Invalid state" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 8 target sample(s); also in 7 more)
        $s17 = "isal.igzip_lib" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 8 target sample(s); also in 7 more)
        $s18 = "MAX_HIST_BITS" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 6 target sample(s); also in 5 more)
        $s19 = "MEM_LEVEL_SMALL" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 6 target sample(s); also in 5 more)
        $s20 = "MEM_LEVEL_MIN" ascii wide fullword
        // literal string of the data sections of sample ac196cd76ad167bb776fcad3fbb957e82728b9f2592b02c805d0052457b4a860 (in 5 target sample(s); also in 4 more)
        $s21 = "ISAL_VERSION" ascii wide fullword
        // literal string of the data sections of sample ac196cd76ad167bb776fcad3fbb957e82728b9f2592b02c805d0052457b4a860 (in 5 target sample(s); also in 4 more)
        $s22 = "ISAL_PATCH_VERSION" ascii wide fullword
        // literal string of the data sections of sample ac196cd76ad167bb776fcad3fbb957e82728b9f2592b02c805d0052457b4a860 (in 5 target sample(s); also in 4 more)
        $s23 = "ISAL_MINOR_VERSION" ascii wide fullword
        // literal string of the data sections of sample ac196cd76ad167bb776fcad3fbb957e82728b9f2592b02c805d0052457b4a860 (in 5 target sample(s); also in 4 more)
        $s24 = "ISAL_MAJOR_VERSION" ascii wide fullword
        // literal string of the data sections of sample c98742a0ccf7c52bd4168e147da20fa2ccec7752d858337d5bcf2bf162e8f856 (in 2 target sample(s); also in 1 more)
        $s25 = "PyInit__isal" ascii wide fullword
        // literal string of the data sections of sample 97c6823fdcbfecbb53ab83d62cb1ee583845408b83fd620cbd42398bef67d363 (in 1 target sample(s))
        $s26 = "_isal.cp311-win_amd64.pyd" ascii wide fullword
        // literal string of the data sections of sample ac196cd76ad167bb776fcad3fbb957e82728b9f2592b02c805d0052457b4a860 (in 1 target sample(s))
        $s27 = "src/isal/_isal.pyx" ascii wide fullword
        // literal string of the data sections of sample ac196cd76ad167bb776fcad3fbb957e82728b9f2592b02c805d0052457b4a860 (in 1 target sample(s))
        $s28 = "src/isal/_isal.c" ascii wide fullword
        // literal string of the data sections of sample ac196cd76ad167bb776fcad3fbb957e82728b9f2592b02c805d0052457b4a860 (in 1 target sample(s))
        $s29 = "init isal._isal" ascii wide fullword
        // literal string of the data sections of sample c98742a0ccf7c52bd4168e147da20fa2ccec7752d858337d5bcf2bf162e8f856 (in 1 target sample(s))
        $s30 = "_isal.cp310-win_amd64.pyd" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

rule codekin_lupa
{
    meta:
        author = "codekin 0.1.0"
        family = "lupa"
        samples = 14
        description = "code found in samples of lupa and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample e265b3a2e4ca721cb62dae769010c888b8b1a8e5dc5312cd6ec71a13aece4684: 42 code bytes at 0x5bdf0 in the function at 0x5bdf0 (13 instructions, in 8 target sample(s); also in 1 more); 12 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 53 31 D2 BE 01 00 00 00 48 89 FB E8 ?? ?? ?? ?? 48 89 C7 E8 ?? ?? ?? ?? 48 89 DF 48 89 C6 E8 ?? ?? ?? ?? B8 01 00 00 00 5B C3 }
        // sample 35d5189908e5e7faba0d226e875edec89b68dea687ff95483e3a4e7cdf0a8e82: 30 code bytes at 0x51b00 in the function at 0x51b00 (16 instructions, in 6 target sample(s); also in 5 more); 9 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 48 83 EC 18 48 8B 77 18 48 8B 3D ?? ?? ?? ?? E8 ?? ?? ?? ?? 48 85 C0 74 ?? 48 83 C4 18 C3 }
        // sample 35d5189908e5e7faba0d226e875edec89b68dea687ff95483e3a4e7cdf0a8e82: 45 code bytes at 0x60539 in the function at 0x60510 (330 instructions, in 6 target sample(s); also in 5 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 48 C7 44 24 58 00 00 00 00 48 C7 44 24 50 00 00 00 00 48 C7 44 24 48 00 00 00 00 48 C7 44 24 40 00 00 00 00 48 C7 44 24 38 00 00 00 00 }
        // sample 35d5189908e5e7faba0d226e875edec89b68dea687ff95483e3a4e7cdf0a8e82: 44 code bytes at 0x6454f in the function at 0x64470 (645 instructions, in 6 target sample(s); also in 5 more); 16 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 0F 84 ?? ?? ?? ?? 85 C0 0F 84 ?? ?? ?? ?? 48 8B 3D ?? ?? ?? ?? 48 8B 35 ?? ?? ?? ?? 48 8B 47 08 48 8B 80 90 00 00 00 48 85 C0 0F 84 }
        // sample 35d5189908e5e7faba0d226e875edec89b68dea687ff95483e3a4e7cdf0a8e82: 44 code bytes at 0x64b4c in the function at 0x64470 (645 instructions, in 6 target sample(s); also in 5 more); 12 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 48 8B 35 ?? ?? ?? ?? 48 8B 47 08 48 8B 80 90 00 00 00 48 85 C0 0F 84 ?? ?? ?? ?? FF D0 49 89 C6 4D 85 F6 0F 84 ?? ?? ?? ?? 48 8B 05 }
        // sample b20a008afb8e353abf68403c7d2de367dfa43cc6823887f0d9c9d5aae6f63ac4: 45 code bytes at 0x1800044c0 in the function at 0x1800044c0 (60 instructions, in 6 target sample(s); also in 5 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 48 89 5C 24 08 48 89 6C 24 10 48 89 74 24 18 48 89 7C 24 20 41 56 48 83 EC 70 48 8B 42 08 4C 8D 71 20 48 8B 69 10 33 DB 48 89 5C 24 28 }
        // sample b20a008afb8e353abf68403c7d2de367dfa43cc6823887f0d9c9d5aae6f63ac4: 44 code bytes at 0x1800044ed in the function at 0x1800044c0 (60 instructions, in 6 target sample(s); also in 5 more); 2 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 48 BE FF FF FF FF FF FF FF 7F 8B FB F7 80 A8 00 00 00 00 00 00 08 74 ?? 4C 8B 42 10 4C 8D 52 20 EB ?? 45 33 C0 48 8D 54 24 20 FF 15 }
        // sample b20a008afb8e353abf68403c7d2de367dfa43cc6823887f0d9c9d5aae6f63ac4: 42 code bytes at 0x18000451d in the function at 0x1800044c0 (60 instructions, in 6 target sample(s); also in 5 more); 2 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 83 F8 FF 75 ?? EB ?? 4C 8B 54 24 20 4C 8B 44 24 30 48 8B 7C 24 28 48 3B EE 4C 8B CB 48 8B CB 48 0F 4C F5 48 85 F6 4C 0F 49 CE }
        // sample b20a008afb8e353abf68403c7d2de367dfa43cc6823887f0d9c9d5aae6f63ac4: 47 code bytes at 0x180004547 in the function at 0x1800044c0 (60 instructions, in 6 target sample(s); also in 5 more); 6 bytes wildcarded (addresses, relocations, relative offsets)
        $f8 = { 39 8C 24 A0 00 00 00 7E ?? 49 8B C1 49 2B C0 48 85 C0 48 0F 4F C8 49 8D 04 08 49 3B C1 7F ?? 49 03 CE 49 8B D2 E8 ?? ?? ?? ?? 85 C0 0F 94 C3 }
        // sample e265b3a2e4ca721cb62dae769010c888b8b1a8e5dc5312cd6ec71a13aece4684: 47 code bytes at 0x4cbb0 in the function at 0x4cbb0 (13 instructions, in 6 target sample(s); also in 1 more); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f9 = { 53 BE 01 00 00 00 48 89 FB 48 83 EC 10 48 8D 54 24 08 E8 ?? ?? ?? ?? 48 8B 74 24 08 48 89 DF E8 ?? ?? ?? ?? 48 83 C4 10 B8 01 00 00 00 5B C3 }
        // literal string of the data sections of sample e265b3a2e4ca721cb62dae769010c888b8b1a8e5dc5312cd6ec71a13aece4684 (in 14 target sample(s); also in 13 more)
        $s10 = "wrong number of arguments to 'insert'" ascii wide fullword
        // literal string of the data sections of sample e265b3a2e4ca721cb62dae769010c888b8b1a8e5dc5312cd6ec71a13aece4684 (in 14 target sample(s); also in 13 more)
        $s11 = "value expected" ascii wide fullword
        // literal string of the data sections of sample e265b3a2e4ca721cb62dae769010c888b8b1a8e5dc5312cd6ec71a13aece4684 (in 14 target sample(s); also in 13 more)
        $s12 = "unpacks_lua_table_method.<locals>.wrapper" ascii wide fullword
        // literal string of the data sections of sample e265b3a2e4ca721cb62dae769010c888b8b1a8e5dc5312cd6ec71a13aece4684 (in 14 target sample(s); also in 13 more)
        $s13 = "unpacks_lua_table_method(meth)" ascii wide fullword
        // literal string of the data sections of sample e265b3a2e4ca721cb62dae769010c888b8b1a8e5dc5312cd6ec71a13aece4684 (in 14 target sample(s); also in 13 more)
        $s14 = "unpacks_lua_table.<locals>.wrapper" ascii wide fullword
        // literal string of the data sections of sample e265b3a2e4ca721cb62dae769010c888b8b1a8e5dc5312cd6ec71a13aece4684 (in 14 target sample(s); also in 13 more)
        $s15 = "unpacks_lua_table(func)" ascii wide fullword
        // literal string of the data sections of sample e265b3a2e4ca721cb62dae769010c888b8b1a8e5dc5312cd6ec71a13aece4684 (in 14 target sample(s); also in 13 more)
        $s16 = "unfinished string" ascii wide fullword
        // literal string of the data sections of sample e265b3a2e4ca721cb62dae769010c888b8b1a8e5dc5312cd6ec71a13aece4684 (in 14 target sample(s); also in 13 more)
        $s17 = "unfinished capture" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

rule codekin_multidict
{
    meta:
        author = "codekin 0.1.0"
        family = "multidict"
        samples = 6
        description = "code found in samples of multidict and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample 9fb82e21ee4f4d37d019b7053e6be4d9eed8c92cd12a3f7211125032c6e8cb22: 47 code bytes at 0x180001a00 in the function at 0x180001a00 (54 instructions, in 3 target sample(s); also in 2 more); 1 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 48 89 5C 24 08 48 89 6C 24 10 48 89 74 24 18 57 48 83 EC 20 33 DB 48 8B EA 48 8B F1 48 39 59 08 7E ?? 8B FB 48 8B 46 20 48 8B CD 48 8B 14 07 }
        // sample 9fb82e21ee4f4d37d019b7053e6be4d9eed8c92cd12a3f7211125032c6e8cb22: 47 code bytes at 0x18000238e in the function at 0x180002360 (31 instructions, in 3 target sample(s); also in 2 more); 1 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 48 83 C4 28 C3 4C 8B 49 18 4D 3B 48 20 7D ?? 49 8B 40 38 49 8B C9 48 C1 E1 05 48 8B 44 01 10 49 8D 49 01 48 89 4A 18 48 FF 00 48 83 C4 28 C3 }
        // sample 9fb82e21ee4f4d37d019b7053e6be4d9eed8c92cd12a3f7211125032c6e8cb22: 47 code bytes at 0x18000240e in the function at 0x1800023e0 (31 instructions, in 3 target sample(s); also in 2 more); 1 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 48 83 C4 28 C3 4C 8B 49 18 4D 3B 48 20 7D ?? 49 8B 40 38 49 8B C9 48 C1 E1 05 48 8B 44 01 08 49 8D 49 01 48 89 4A 18 48 FF 00 48 83 C4 28 C3 }
        // sample 9fb82e21ee4f4d37d019b7053e6be4d9eed8c92cd12a3f7211125032c6e8cb22: 48 code bytes at 0x180003f70 in the function at 0x180003f70 (43 instructions, in 3 target sample(s); also in 2 more); 1 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 48 89 5C 24 08 48 89 6C 24 10 48 89 74 24 18 57 41 56 41 57 48 83 EC 20 33 DB 4D 8B F0 4C 8B FA 48 8B E9 48 39 59 20 7E ?? 33 FF 0F 1F 44 00 00 }
        // sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70: 47 code bytes at 0x4fa0 in the function at 0x4fa0 (33 instructions, in 3 target sample(s); also in 2 more); 2 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 48 83 EC 08 48 8B 57 10 48 8B 42 28 48 39 47 20 75 ?? 48 8B 47 18 48 3B 42 20 7D ?? 48 89 C1 48 83 C0 01 48 C1 E1 05 48 03 4A 38 4C 8B 41 08 }
        // sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70: 47 code bytes at 0x5030 in the function at 0x5030 (32 instructions, in 3 target sample(s); also in 2 more); 2 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 48 83 EC 08 48 8B 57 10 48 8B 42 28 48 39 47 20 75 ?? 48 8B 47 18 48 3B 42 20 7D ?? 48 89 C1 48 83 C0 01 48 C1 E1 05 48 03 4A 38 48 8B 71 08 }
        // sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70: 47 code bytes at 0x5430 in the function at 0x5430 (33 instructions, in 3 target sample(s); also in 2 more); 2 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 48 83 EC 08 48 8B 57 10 48 8B 42 28 48 39 47 20 75 ?? 48 8B 47 18 48 3B 42 20 7D ?? 48 89 C1 48 83 C0 01 48 C1 E1 05 48 03 4A 38 4C 8B 41 10 }
        // sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70: 47 code bytes at 0xabd0 in the function at 0xabd0 (82 instructions, in 3 target sample(s); also in 2 more); 5 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 41 55 49 89 FD 41 54 49 89 D4 55 48 83 EC 10 48 C7 44 24 08 00 00 00 00 48 85 F6 74 ?? 48 89 F7 48 89 F5 E8 ?? ?? ?? ?? 48 89 EF 48 83 F8 01 }
        // literal string of the data sections of sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70 (in 6 target sample(s); also in 5 more)
        $s8 = "other argument must be a mapping, not %s" ascii wide fullword
        // literal string of the data sections of sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70 (in 6 target sample(s); also in 5 more)
        $s9 = "multidict._multidict_base" ascii wide fullword
        // literal string of the data sections of sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70 (in 6 target sample(s); also in 5 more)
        $s10 = "multidict._multidict.istr" ascii wide fullword
        // literal string of the data sections of sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70 (in 6 target sample(s); also in 5 more)
        $s11 = "multidict._multidict._valuesiter" ascii wide fullword
        // literal string of the data sections of sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70 (in 6 target sample(s); also in 5 more)
        $s12 = "multidict._multidict._keysiter" ascii wide fullword
        // literal string of the data sections of sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70 (in 6 target sample(s); also in 5 more)
        $s13 = "multidict._multidict._itemsiter" ascii wide fullword
        // literal string of the data sections of sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70 (in 6 target sample(s); also in 5 more)
        $s14 = "multidict._multidict._ValuesView" ascii wide fullword
        // literal string of the data sections of sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70 (in 6 target sample(s); also in 5 more)
        $s15 = "multidict._multidict._KeysView" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

rule codekin_orjson
{
    meta:
        author = "codekin 0.1.0"
        family = "orjson"
        samples = 6
        description = "code found in samples of orjson and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample 291732664f636d88d43e8e4e625182c3a12f6e5b6489be4120c552028eac782a: 45 code bytes at 0x180029580 in the function at 0x180029580 (134 instructions, in 2 target sample(s)); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 48 8B 01 4C 8D 05 ?? ?? ?? ?? 49 63 04 80 4C 01 C0 FF E0 4C 8B 49 08 4C 8B 41 10 48 8B 4A 20 48 8B 52 28 48 8B 42 18 4C 89 CA 48 FF E0 }
        // sample 291732664f636d88d43e8e4e625182c3a12f6e5b6489be4120c552028eac782a: 45 code bytes at 0x180029639 in the function at 0x180029580 (134 instructions, in 2 target sample(s)); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 41 B8 0C 00 00 00 48 FF E0 48 8B 4A 20 48 8B 42 28 48 8B 40 18 48 8D 15 ?? ?? ?? ?? 41 B8 13 00 00 00 48 FF E0 48 8B 4A 20 48 8B 42 28 }
        // sample 291732664f636d88d43e8e4e625182c3a12f6e5b6489be4120c552028eac782a: 45 code bytes at 0x1800296c5 in the function at 0x180029580 (134 instructions, in 2 target sample(s)); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 41 B8 0E 00 00 00 48 FF E0 48 8B 4A 20 48 8B 42 28 48 8B 40 18 48 8D 15 ?? ?? ?? ?? 41 B8 0E 00 00 00 48 FF E0 48 8B 4A 20 48 8B 42 28 }
        // sample 291732664f636d88d43e8e4e625182c3a12f6e5b6489be4120c552028eac782a: 45 code bytes at 0x180029751 in the function at 0x180029580 (134 instructions, in 2 target sample(s)); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 41 B8 14 00 00 00 48 FF E0 48 8B 4A 20 48 8B 42 28 48 8B 40 18 48 8D 15 ?? ?? ?? ?? 41 B8 24 00 00 00 48 FF E0 48 8B 4A 20 48 8B 42 28 }
        // sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32: 48 code bytes at 0xa91b in the function at 0xa91b (31 instructions, in 2 target sample(s); also in 1 more); 11 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 48 85 FF 74 ?? 0F 10 05 ?? ?? ?? ?? 0F 11 47 10 0F 10 05 ?? ?? ?? ?? 0F 11 07 48 83 FA 40 73 ?? 31 C0 C3 48 8D 46 0F 48 83 E0 F0 74 ?? 48 01 D6 }
        // sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32: 44 code bytes at 0xa94b in the function at 0xa91b (31 instructions, in 2 target sample(s); also in 1 more); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 48 29 C6 48 83 E6 F0 48 8D 48 10 48 8D 56 F0 48 89 50 10 48 C7 40 18 00 00 00 00 48 89 30 48 89 48 08 48 8D 0D ?? ?? ?? ?? 48 89 0F }
        // sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32: 29 code bytes at 0xa977 in the function at 0xa91b (31 instructions, in 2 target sample(s); also in 1 more); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 48 8D 0D ?? ?? ?? ?? 48 89 4F 08 48 8D 0D ?? ?? ?? ?? 48 89 4F 10 48 89 47 18 B0 01 C3 }
        // sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32: 48 code bytes at 0x19b40 in the function at 0x19b40 (24 instructions, in 2 target sample(s)); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 48 89 D0 48 89 F2 48 29 FA 73 ?? 31 C0 C3 48 85 FF 74 ?? 48 39 CF 73 ?? 80 3C 38 BF 7E ?? EB ?? 75 ?? 48 85 F6 74 ?? 48 39 CE 73 ?? 80 3C 30 BF }
        // sample a62b1c8faf951a5196ea5ca79460f5e7a4053789981a77afe41f9839aca985a0: 39 code bytes at 0x19cb0 in the function at 0x19cb0 (13 instructions, in 2 target sample(s)); 12 bytes wildcarded (addresses, relocations, relative offsets)
        $f8 = { F2 0F 10 05 ?? ?? ?? ?? F2 0F 10 0D ?? ?? ?? ?? 0F 16 C8 48 B9 77 13 D0 38 E6 21 28 45 48 33 0D ?? ?? ?? ?? 0F 57 0D }
        // sample a62b1c8faf951a5196ea5ca79460f5e7a4053789981a77afe41f9839aca985a0: 32 code bytes at 0x19cdb in the function at 0x19cb0 (13 instructions, in 2 target sample(s)); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f9 = { 48 BA 17 09 47 B5 B5 D5 84 3F 48 33 15 ?? ?? ?? ?? 48 89 F8 48 89 0F 0F 11 4F 08 48 89 57 18 C3 }
        // sample c32875615982561a479278140ce3fe8d3acfa98eca57cd5cd59111ecfc3c8bfe: 48 code bytes at 0x10f60 in the function at 0x10f60 (19 instructions, in 2 target sample(s)); 7 bytes wildcarded (addresses, relocations, relative offsets)
        $f10 = { 48 8B 4F 18 48 8B 47 28 48 83 F9 01 74 ?? 48 85 C9 75 ?? 31 D2 48 85 C0 48 8D 05 ?? ?? ?? ?? 48 0F 45 C2 C3 48 85 C0 74 ?? 31 C0 C3 48 8B 4F 10 }
        // sample b7e0df68c71421fdc659cfa94a055196723b13dcf0914f13481829b1498eca74: 46 code bytes at 0x18001c2e6 in the function at 0x18001b634 (11737 instructions, in 1 target sample(s)); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f11 = { 4B 8D 04 92 4C 8D 14 41 0F B6 4E 03 48 83 E9 30 48 83 F9 09 0F 87 ?? ?? ?? ?? 4B 8D 04 92 4C 8D 14 41 0F B6 4E 04 48 83 E9 30 48 83 F9 09 }
        // sample b7e0df68c71421fdc659cfa94a055196723b13dcf0914f13481829b1498eca74: 46 code bytes at 0x18001c404 in the function at 0x18001b634 (11737 instructions, in 1 target sample(s)); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f12 = { 4B 8D 04 92 4C 8D 14 41 0F B6 4E 0E 48 83 E9 30 48 83 F9 09 0F 87 ?? ?? ?? ?? 4B 8D 04 92 4C 8D 14 41 0F B6 4E 0F 48 83 E9 30 48 83 F9 09 }
        // sample b7e0df68c71421fdc659cfa94a055196723b13dcf0914f13481829b1498eca74: 48 code bytes at 0x18001c80e in the function at 0x18001b634 (11737 instructions, in 1 target sample(s)); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f13 = { 41 8D 87 57 01 00 00 4D 1B C9 03 C0 45 69 FF 6A 52 03 00 41 83 E1 04 49 D3 E1 48 63 C8 41 81 EF 00 00 3F 00 48 8B 84 CA ?? ?? ?? ?? 48 C1 E8 3F }
        // sample b7e0df68c71421fdc659cfa94a055196723b13dcf0914f13481829b1498eca74: 45 code bytes at 0x18001ed74 in the function at 0x18001b634 (11737 instructions, in 1 target sample(s)); 3 bytes wildcarded (addresses, relocations, relative offsets)
        $f14 = { 4C 3B D0 76 ?? 49 C7 06 14 00 00 00 0F 57 C0 4D 85 D2 78 ?? F2 49 0F 2A C2 EB ?? 49 8B C2 41 83 E2 01 48 D1 E8 49 0B C2 F2 48 0F 2A C0 }
        // literal string of the data sections of sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32 (in 6 target sample(s); also in 5 more)
        $s15 = "orjson.JSONDecodeError" ascii wide fullword
        // literal string of the data sections of sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32 (in 6 target sample(s); also in 5 more)
        $s16 = "loads(obj, /)" ascii wide fullword
        // literal string of the data sections of sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32 (in 6 target sample(s); also in 5 more)
        $s17 = "dumps(obj, /, default=None, option=None)" ascii wide fullword
        // literal string of the data sections of sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32 (in 6 target sample(s); also in 5 more)
        $s18 = "_field_type" ascii wide fullword
        // literal string of the data sections of sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32 (in 6 target sample(s); also in 5 more)
        $s19 = "__dataclass_fields__" ascii wide fullword
        // literal string of the data sections of sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32 (in 6 target sample(s); also in 5 more)
        $s20 = "__array_struct__" ascii wide fullword
        // literal string of the data sections of sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32 (in 6 target sample(s); also in 5 more)
        $s21 = "Serialize Python objects to JSON." ascii wide fullword
        // literal string of the data sections of sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32 (in 6 target sample(s); also in 5 more)
        $s22 = "OPT_STRICT_INTEGER" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

rule codekin_pybcj
{
    meta:
        author = "codekin 0.1.0"
        family = "pybcj"
        samples = 6
        description = "code found in samples of pybcj and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample 5eac7fb04a4a91c89f868a24505c25dadc2e767f9ca15a1a593a54500f2e297f: 47 code bytes at 0x18000105d in the function at 0x180001000 (111 instructions, in 3 target sample(s); also in 2 more); 1 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 81 F9 F8 00 00 00 72 ?? 0F B6 50 FE 0F B6 48 01 83 E1 07 41 C1 E0 08 41 03 D0 44 8D 04 D1 0F B6 08 48 83 C0 02 41 C1 E0 08 44 03 C1 4C 8B C8 }
        // sample 5eac7fb04a4a91c89f868a24505c25dadc2e767f9ca15a1a593a54500f2e297f: 46 code bytes at 0x18000108c in the function at 0x180001000 (111 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 8B C8 48 8B D0 2B CF 4C 8B D0 03 CE 48 8B D8 D1 E9 44 03 C1 41 8B C8 44 88 40 FE C1 E9 0B 88 48 FC 41 8B C8 C1 E9 13 80 E1 07 41 C1 E8 08 }
        // sample 5eac7fb04a4a91c89f868a24505c25dadc2e767f9ca15a1a593a54500f2e297f: 46 code bytes at 0x1800022dd in the function at 0x180002280 (36 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 5B C3 48 63 44 24 58 33 C9 48 89 43 40 33 C0 C6 43 38 01 C7 43 10 05 00 00 00 48 C7 43 20 04 00 00 00 89 4B 28 89 4B 18 48 83 C4 30 5B C3 }
        // sample 5eac7fb04a4a91c89f868a24505c25dadc2e767f9ca15a1a593a54500f2e297f: 46 code bytes at 0x1800024ad in the function at 0x180002450 (36 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 5B C3 48 63 44 24 58 33 C9 48 89 43 40 33 C0 C6 43 38 01 C7 43 10 04 00 00 00 48 C7 43 20 04 00 00 00 89 4B 28 89 4B 18 48 83 C4 30 5B C3 }
        // sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625: 48 code bytes at 0x23c8 in the function at 0x2360 (90 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 0F B6 70 02 0F B6 D2 C1 E1 08 48 83 C0 04 C1 E2 13 81 E1 00 07 00 00 01 D6 41 0F B6 52 FE 01 F1 C1 E2 0B 01 CA 48 89 C1 48 29 F9 44 01 C1 D1 E9 }
        // sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625: 47 code bytes at 0x2aed in the function at 0x2840 (255 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 41 81 E6 FF FF 0F 00 41 81 E2 00 00 10 00 45 09 F2 45 89 E6 41 C1 E2 04 41 D3 E6 41 29 F2 41 F7 D6 41 C1 EA 04 45 21 F5 41 81 E2 FF FF 1F 00 }
        // sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625: 47 code bytes at 0x2b6d in the function at 0x2840 (255 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 41 81 E5 00 00 10 00 41 81 E2 FF FF 0F 00 45 09 EA 45 89 E5 41 C1 E2 04 41 D3 E5 41 29 F2 41 F7 D5 41 C1 EA 04 45 21 EB 41 81 E2 FF FF 1F 00 }
        // sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625: 47 code bytes at 0x2bed in the function at 0x2840 (255 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 41 81 E5 00 00 10 00 41 81 E2 FF FF 0F 00 45 09 EA 45 89 E5 41 C1 E2 04 41 D3 E5 41 01 F2 41 F7 D5 41 C1 EA 04 45 21 EB 41 81 E2 FF FF 1F 00 }
        // literal string of the data sections of sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625 (in 6 target sample(s); also in 5 more)
        $s8 = "y*:SparcEncoder.encode" ascii wide fullword
        // literal string of the data sections of sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625 (in 6 target sample(s); also in 5 more)
        $s9 = "y*:SparcDecoder.decode" ascii wide fullword
        // literal string of the data sections of sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625 (in 6 target sample(s); also in 5 more)
        $s10 = "y*:PPCEncoder.encode" ascii wide fullword
        // literal string of the data sections of sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625 (in 6 target sample(s); also in 5 more)
        $s11 = "y*:PPCDecoder.decode" ascii wide fullword
        // literal string of the data sections of sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625 (in 6 target sample(s); also in 5 more)
        $s12 = "y*:IA64Encoder.encode" ascii wide fullword
        // literal string of the data sections of sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625 (in 6 target sample(s); also in 5 more)
        $s13 = "y*:IA64Decoder.decode" ascii wide fullword
        // literal string of the data sections of sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625 (in 6 target sample(s); also in 5 more)
        $s14 = "y*:BCJEncoder.encode" ascii wide fullword
        // literal string of the data sections of sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625 (in 6 target sample(s); also in 5 more)
        $s15 = "y*:BCJDecoder.decode" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

rule codekin_pycares
{
    meta:
        author = "codekin 0.1.0"
        family = "pycares"
        samples = 6
        description = "code found in samples of pycares and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample 73dd7e2b846557a098dd295c7caab723116960437fd2e9e3ec0a4deced3b487d: 48 code bytes at 0x18000f1cd in the function at 0x18000f0c0 (154 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 48 8B 9C 24 E0 00 00 00 89 74 24 70 4C 89 BC 24 98 00 00 00 44 0F B6 7A 10 41 8B D7 41 C1 EB 04 44 89 5C 24 68 41 83 E7 0F 89 6C 24 60 C1 EA 04 }
        // sample 73dd7e2b846557a098dd295c7caab723116960437fd2e9e3ec0a4deced3b487d: 48 code bytes at 0x18000fb7e in the function at 0x18000fb20 (147 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 4C 89 6C 24 38 4D 89 73 D8 66 0F 1F 84 00 00 00 00 00 49 8B 04 00 45 33 F6 33 ED 44 89 74 24 20 0F 10 00 0F 11 44 24 50 0F 11 44 24 60 4D 85 FF }
        // sample 73dd7e2b846557a098dd295c7caab723116960437fd2e9e3ec0a4deced3b487d: 48 code bytes at 0x18000fd1a in the function at 0x18000fb20 (147 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 4C 8B A4 24 90 00 00 00 48 8B BC 24 98 00 00 00 48 8B B4 24 C8 00 00 00 48 8B AC 24 C0 00 00 00 48 8B 9C 24 B8 00 00 00 48 8B 4C 24 70 48 33 CC }
        // sample 73dd7e2b846557a098dd295c7caab723116960437fd2e9e3ec0a4deced3b487d: 48 code bytes at 0x180014110 in the function at 0x180014110 (57 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 48 89 5C 24 08 48 89 6C 24 10 48 89 74 24 20 57 48 83 EC 30 33 ED 48 8D 44 24 50 49 89 28 49 8B D8 48 89 44 24 28 45 33 C0 45 33 C9 89 6C 24 50 }
        // sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7: 47 code bytes at 0x10cb0 in the function at 0x10cb0 (27 instructions, in 3 target sample(s); also in 2 more); 5 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 48 83 EC 28 BF 01 00 00 00 48 8D 74 24 10 E8 ?? ?? ?? ?? 85 C0 75 ?? 48 8B 44 24 10 48 8B 4C 24 18 48 BA CF F7 53 E3 A5 9B C4 20 48 89 04 24 }
        // sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7: 48 code bytes at 0x113c0 in the function at 0x11390 (50 instructions, in 3 target sample(s); also in 2 more); 6 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 48 8B 45 30 48 63 D3 83 C3 01 48 8B 3C D0 41 FF 14 24 39 5D 38 7F ?? 48 8B 7D 30 48 85 FF 74 ?? 48 8B 05 ?? ?? ?? ?? FF 10 48 8B 7D 58 48 85 FF }
        // sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7: 44 code bytes at 0x11d60 in the function at 0x11d60 (47 instructions, in 3 target sample(s); also in 2 more); 2 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 48 63 D2 48 01 D6 48 39 FE 74 ?? 41 56 B8 11 00 00 00 41 55 41 54 55 53 44 0F B6 37 4D 8D 6E 01 4A 8D 14 2F 48 39 D6 72 ?? 48 8B 05 }
        // sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7: 48 code bytes at 0x17161 in the function at 0x17090 (82 instructions, in 3 target sample(s); also in 2 more); 6 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 48 C7 40 14 00 00 00 00 89 10 83 FA 02 75 ?? 8B 53 0C 83 C1 01 89 50 04 48 8B 1B 48 85 DB 75 ?? 4C 89 E7 E8 ?? ?? ?? ?? 48 83 C4 08 44 89 E8 5B }
        // literal string of the data sections of sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7 (in 6 target sample(s); also in 5 more)
        $s8 = "socket_send_buffer_size" ascii wide fullword
        // literal string of the data sections of sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7 (in 6 target sample(s); also in 5 more)
        $s9 = "socket_receive_buffer_size" ascii wide fullword
        // literal string of the data sections of sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7 (in 6 target sample(s); also in 5 more)
        $s10 = "sockaddr_in6" ascii wide fullword
        // literal string of the data sections of sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7 (in 6 target sample(s); also in 5 more)
        $s11 = "sock_state_cb_data" ascii wide fullword
        // literal string of the data sections of sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7 (in 6 target sample(s); also in 5 more)
        $s12 = "sin_family" ascii wide fullword
        // literal string of the data sections of sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7 (in 6 target sample(s); also in 5 more)
        $s13 = "sin6_scope_id" ascii wide fullword
        // literal string of the data sections of sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7 (in 6 target sample(s); also in 5 more)
        $s14 = "sin6_flowinfo" ascii wide fullword
        // literal string of the data sections of sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7 (in 6 target sample(s); also in 5 more)
        $s15 = "sin6_family" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

rule codekin_pyppmd
{
    meta:
        author = "codekin 0.1.0"
        family = "pyppmd"
        samples = 6
        description = "code found in samples of pyppmd and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample 50f405557a0464f7bc57c1676dd93a79cd0e8b71b2c12ddbfcd4302de7497e52: 48 code bytes at 0x1800040ee in the function at 0x1800040c0 (122 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 0F B6 81 A2 00 00 00 0F AF 81 48 02 00 00 03 D0 0F B6 81 A1 00 00 00 0F AF 81 44 02 00 00 03 D0 0F B6 81 A0 00 00 00 0F AF 81 40 02 00 00 03 D0 }
        // sample 50f405557a0464f7bc57c1676dd93a79cd0e8b71b2c12ddbfcd4302de7497e52: 48 code bytes at 0x18000411e in the function at 0x1800040c0 (122 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 0F B6 81 9F 00 00 00 0F AF 81 3C 02 00 00 03 D0 0F B6 81 9E 00 00 00 0F AF 81 38 02 00 00 03 D0 0F B6 81 9D 00 00 00 0F AF 81 34 02 00 00 03 D0 }
        // sample 50f405557a0464f7bc57c1676dd93a79cd0e8b71b2c12ddbfcd4302de7497e52: 48 code bytes at 0x18000414e in the function at 0x1800040c0 (122 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 0F B6 81 9C 00 00 00 0F AF 81 30 02 00 00 03 D0 0F B6 81 9B 00 00 00 0F AF 81 2C 02 00 00 03 D0 0F B6 81 9A 00 00 00 0F AF 81 28 02 00 00 03 D0 }
        // sample 50f405557a0464f7bc57c1676dd93a79cd0e8b71b2c12ddbfcd4302de7497e52: 48 code bytes at 0x18000417e in the function at 0x1800040c0 (122 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 0F B6 81 99 00 00 00 0F AF 81 24 02 00 00 03 D0 0F B6 81 98 00 00 00 0F AF 81 20 02 00 00 03 D0 0F B6 81 97 00 00 00 0F AF 81 1C 02 00 00 03 D0 }
        // sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8: 48 code bytes at 0x4008 in the function at 0x3ff0 (97 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 89 D1 8D 7A 01 41 89 C1 41 B8 04 00 00 00 88 84 0E 92 00 00 00 8D 4A 02 88 84 3E 92 00 00 00 BF 02 00 00 00 44 88 8C 0E 92 00 00 00 44 8D 51 01 }
        // sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8: 48 code bytes at 0x40c4 in the function at 0x3ff0 (97 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 48 89 86 AE 02 00 00 48 B8 06 06 06 06 06 06 06 06 8D 8A AC 03 00 00 48 89 86 B7 02 00 00 BA 00 01 00 00 C1 E9 03 48 89 86 A4 03 00 00 F3 48 AB }
        // sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8: 48 code bytes at 0x85e8 in the function at 0x85d0 (78 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 89 CE 8D 79 01 41 89 C1 41 B8 04 00 00 00 88 84 32 A6 00 00 00 8D 71 02 88 84 3A A6 00 00 00 BF 02 00 00 00 44 88 8C 32 A6 00 00 00 44 8D 56 01 }
        // sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8: 48 code bytes at 0x86dc in the function at 0x85d0 (78 instructions, in 3 target sample(s); also in 2 more); 1 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { C6 82 5C 03 00 00 04 48 8D 82 5D 03 00 00 48 8D 8A 5C 04 00 00 C7 82 58 03 00 00 00 01 02 03 BA 01 00 00 00 40 88 30 83 EA 01 75 ?? 48 83 C0 01 }
        // literal string of the data sections of sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8 (in 6 target sample(s); also in 5 more)
        $s8 = "y*|i:Ppmd8Decoder.decode" ascii wide fullword
        // literal string of the data sections of sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8 (in 6 target sample(s); also in 5 more)
        $s9 = "y*i:Ppmd7Decoder.decode" ascii wide fullword
        // literal string of the data sections of sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8 (in 6 target sample(s); also in 5 more)
        $s10 = "y*:Ppmd8Encoder.encode" ascii wide fullword
        // literal string of the data sections of sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8 (in 6 target sample(s); also in 5 more)
        $s11 = "y*:Ppmd7Encoder.encode" ascii wide fullword
        // literal string of the data sections of sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8 (in 6 target sample(s); also in 5 more)
        $s12 = "mem_size:  max memory size in bytes the compressor is able to use, bigger values improve compression," ascii wide fullword
        // literal string of the data sections of sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8 (in 6 target sample(s); also in 5 more)
        $s13 = "max_order: max order for the PPM modelling ranging from 2 to 64, higher values produce better compression ratios but are slower." ascii wide fullword
        // literal string of the data sections of sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8 (in 6 target sample(s); also in 5 more)
        $s14 = "flush method is called twice." ascii wide fullword
        // literal string of the data sections of sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8 (in 6 target sample(s); also in 5 more)
        $s15 = "_ppmd.Ppmd8Encoder" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

rule codekin_python_rapidjson
{
    meta:
        author = "codekin 0.1.0"
        family = "python-rapidjson"
        samples = 6
        description = "code found in samples of python-rapidjson and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3: 48 code bytes at 0x402c0 in the function at 0x40290 (65 instructions, in 3 target sample(s); also in 2 more); 5 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 49 BC FF FF FF FF FF FF 00 00 8B 17 4C 23 67 08 85 D2 74 ?? 4C 89 E3 48 89 DF 48 83 C3 10 E8 ?? ?? ?? ?? 8B 45 00 48 C1 E0 04 4C 01 E0 48 39 C3 }
        // sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3: 48 code bytes at 0x40300 in the function at 0x40290 (65 instructions, in 3 target sample(s); also in 2 more); 5 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 49 BC FF FF FF FF FF FF 00 00 48 8B 5F 08 8B 07 4C 21 E3 85 C0 74 ?? 66 0F 1F 84 00 00 00 00 00 48 8D 7B 10 E8 ?? ?? ?? ?? 48 89 DF 48 83 C3 20 }
        // sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3: 48 code bytes at 0x64278 in the function at 0x64260 (44 instructions, in 3 target sample(s); also in 2 more); 1 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 41 89 F0 89 F1 41 83 E0 3F C1 E9 06 41 83 C8 80 81 FE FF 07 00 00 77 ?? 48 89 57 08 83 C9 C0 88 08 48 8B 47 08 48 8D 50 01 48 89 57 08 44 88 00 }
        // sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3: 46 code bytes at 0x642b0 in the function at 0x64260 (44 instructions, in 3 target sample(s); also in 2 more); 5 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 41 89 F1 83 E1 3F 48 89 57 08 41 C1 E9 0C 83 C9 80 81 FE ?? ?? ?? ?? 76 ?? C1 EE 12 41 83 E1 3F 83 CE F0 41 83 C9 80 40 88 30 48 8B 47 08 }
        // sample 7a49748728485523a62cdc67931de64d2e9201f5e9b485961432bf79ea7a7367: 48 code bytes at 0x18002bc9e in the function at 0x18002bc40 (72 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { B0 01 48 8B 5C 24 30 48 8B 74 24 38 48 83 C4 20 5F C3 C7 03 0C 00 00 00 B0 01 48 8B 5C 24 30 48 8B 74 24 38 48 83 C4 20 5F C3 C7 03 0A 00 00 00 }
        // sample 7a49748728485523a62cdc67931de64d2e9201f5e9b485961432bf79ea7a7367: 48 code bytes at 0x18002bcce in the function at 0x18002bc40 (72 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { B0 01 48 8B 5C 24 30 48 8B 74 24 38 48 83 C4 20 5F C3 C7 03 0D 00 00 00 B0 01 48 8B 5C 24 30 48 8B 74 24 38 48 83 C4 20 5F C3 C7 03 09 00 00 00 }
        // sample 7a49748728485523a62cdc67931de64d2e9201f5e9b485961432bf79ea7a7367: 47 code bytes at 0x18002bcfe in the function at 0x18002bc40 (72 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { B0 01 48 8B 5C 24 30 48 8B 74 24 38 48 83 C4 20 5F C3 C7 03 0B 00 00 00 B0 01 48 8B 5C 24 30 48 8B 74 24 38 48 83 C4 20 5F C3 48 8B 5C 24 30 }
        // sample 7a49748728485523a62cdc67931de64d2e9201f5e9b485961432bf79ea7a7367: 47 code bytes at 0x180040ae8 in the function at 0x180040ae8 (37 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 48 8B C4 48 89 58 08 48 89 68 10 48 89 70 18 48 89 78 20 41 56 48 83 EC 20 49 8B 59 38 48 8B F2 4D 8B F0 48 8B E9 49 8B D1 48 8B CE 49 8B F9 }
        // literal string of the data sections of sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3 (in 6 target sample(s); also in 5 more)
        $s8 = "|ppOpOOOOOOO:Encoder" ascii wide fullword
        // literal string of the data sections of sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3 (in 6 target sample(s); also in 5 more)
        $s9 = "|OOOO:Decoder" ascii wide fullword
        // literal string of the data sections of sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3 (in 6 target sample(s); also in 5 more)
        $s10 = "write_mode must be a non-negative int" ascii wide fullword
        // literal string of the data sections of sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3 (in 6 target sample(s); also in 5 more)
        $s11 = "whether the output should contain only ASCII characters." ascii wide fullword
        // literal string of the data sections of sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3 (in 6 target sample(s); also in 5 more)
        $s12 = "uuid_mode must be an integer value or None" ascii wide fullword
        // literal string of the data sections of sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3 (in 6 target sample(s); also in 5 more)
        $s13 = "uuid_mode must be a non-negative int" ascii wide fullword
        // literal string of the data sections of sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3 (in 6 target sample(s); also in 5 more)
        $s14 = "uniqueItems" ascii wide fullword
        // literal string of the data sections of sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3 (in 6 target sample(s); also in 5 more)
        $s15 = "string representing a serialized JSON object" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

rule codekin_wrapt
{
    meta:
        author = "codekin 0.1.0"
        family = "wrapt"
        samples = 6
        description = "code found in samples of wrapt and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample 0d5009bdcc4c950d579951dce7c9e58093a317bb4ccadda6016bbf5f98b8e4d2: 46 code bytes at 0x180003780 in the function at 0x180003780 (21 instructions, in 3 target sample(s); also in 2 more); 5 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 40 53 48 83 EC 20 33 D2 FF 91 30 01 00 00 48 8B D8 48 85 C0 74 ?? FF 15 ?? ?? ?? ?? 48 89 43 10 33 C0 48 89 43 18 48 89 43 20 48 89 43 28 }
        // sample 0d5009bdcc4c950d579951dce7c9e58093a317bb4ccadda6016bbf5f98b8e4d2: 48 code bytes at 0x180003919 in the function at 0x180003890 (77 instructions, in 3 target sample(s); also in 2 more); 10 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 4C 8B C6 48 8B D3 48 8B CF 48 8B 5C 24 30 48 8B 74 24 38 48 83 C4 20 5F 48 FF 25 ?? ?? ?? ?? 48 85 C0 75 ?? FF 15 ?? ?? ?? ?? EB ?? 48 83 28 01 }
        // sample 0d5009bdcc4c950d579951dce7c9e58093a317bb4ccadda6016bbf5f98b8e4d2: 40 code bytes at 0x1800039a8 in the function at 0x180003890 (77 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 48 8B 5C 24 30 48 8B 74 24 38 48 83 C4 20 5F C3 4C 8B C6 48 8B D3 48 8B 5C 24 30 48 8B 74 24 38 48 83 C4 20 5F 48 FF 25 }
        // sample 0d5009bdcc4c950d579951dce7c9e58093a317bb4ccadda6016bbf5f98b8e4d2: 48 code bytes at 0x180005ac0 in the function at 0x180005ac0 (19 instructions, in 3 target sample(s); also in 2 more); 5 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 40 53 48 83 EC 20 33 D2 FF 91 30 01 00 00 48 8B D8 48 85 C0 75 ?? 48 83 C4 20 5B C3 FF 15 ?? ?? ?? ?? 48 89 43 10 33 C0 48 89 43 18 48 89 43 20 }
        // sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a: 47 code bytes at 0x3d10 in the function at 0x3cc0 (110 instructions, in 3 target sample(s); also in 2 more); 12 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 48 89 DE E8 ?? ?? ?? ?? 48 89 DE 4C 89 E7 48 83 C3 01 48 83 00 01 48 89 C2 E8 ?? ?? ?? ?? 48 8B 7D 28 E8 ?? ?? ?? ?? 48 8B 7D 28 48 39 D8 7F }
        // sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a: 47 code bytes at 0x5110 in the function at 0x5110 (31 instructions, in 3 target sample(s); also in 2 more); 9 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 53 31 C0 48 89 FB 48 89 F7 48 8D 35 ?? ?? ?? ?? 48 83 EC 20 48 C7 44 24 18 00 00 00 00 48 8D 54 24 18 E8 ?? ?? ?? ?? 85 C0 74 ?? 48 8B 43 18 }
        // sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a: 47 code bytes at 0x5240 in the function at 0x5240 (12 instructions, in 3 target sample(s); also in 2 more); 17 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 48 8B 7F 18 48 85 FF 74 ?? E9 ?? ?? ?? ?? 48 83 EC 08 48 8B 05 ?? ?? ?? ?? 48 8D 35 ?? ?? ?? ?? 48 8B 38 E8 ?? ?? ?? ?? 48 C7 C0 FF FF FF FF }
        // sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a: 38 code bytes at 0x6350 in the function at 0x6350 (19 instructions, in 3 target sample(s); also in 2 more); 5 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 4C 8B 47 18 4D 85 C0 74 ?? 49 8B 40 08 48 89 FA 48 8B 48 18 48 8B 47 08 48 8D 3D ?? ?? ?? ?? 48 8B 70 18 31 C0 E9 }
        // literal string of the data sections of sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a (in 6 target sample(s); also in 5 more)
        $s8 = "wrapper has not been initialized" ascii wide fullword
        // literal string of the data sections of sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a (in 6 target sample(s); also in 5 more)
        $s9 = "partial type takes at least one argument" ascii wide fullword
        // literal string of the data sections of sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a (in 6 target sample(s); also in 5 more)
        $s10 = "object proxy must define __reduce_ex__()" ascii wide fullword
        // literal string of the data sections of sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a (in 6 target sample(s); also in 5 more)
        $s11 = "object proxy must define __deepcopy__()" ascii wide fullword
        // literal string of the data sections of sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a (in 6 target sample(s); also in 5 more)
        $s12 = "object proxy must define __copy__()" ascii wide fullword
        // literal string of the data sections of sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a (in 6 target sample(s); also in 5 more)
        $s13 = "_self_wrapper" ascii wide fullword
        // literal string of the data sections of sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a (in 6 target sample(s); also in 5 more)
        $s14 = "_self_parent" ascii wide fullword
        // literal string of the data sections of sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a (in 6 target sample(s); also in 5 more)
        $s15 = "_self_instance" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

rule codekin_yarl
{
    meta:
        author = "codekin 0.1.0"
        family = "yarl"
        samples = 6
        description = "code found in samples of yarl and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample e7af21ec47fa1aea28ecc7516b389102514e9e5720b4af89e7aa48b489d4a500: 48 code bytes at 0x180004639 in the function at 0x180004580 (90 instructions, in 2 target sample(s); also in 1 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 41 F6 C0 40 B8 30 00 00 00 B9 48 00 00 00 0F 44 C1 48 03 C3 0F B7 04 50 48 8B 5C 24 30 48 83 C4 20 5F C3 48 8B 43 48 0F B7 04 50 48 8B 5C 24 30 }
        // sample e7af21ec47fa1aea28ecc7516b389102514e9e5720b4af89e7aa48b489d4a500: 47 code bytes at 0x18000dc30 in the function at 0x18000dc00 (50 instructions, in 2 target sample(s); also in 1 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 48 8B 74 24 48 48 83 C4 20 5F C3 40 0F B6 C5 48 89 5C 24 30 C0 E8 04 0F B6 C8 4C 89 74 24 38 80 F9 0A BB 30 00 00 00 8B D3 41 BE 37 00 00 00 }
        // sample 3119f08775f74bad4044e29cf407226e0c876b20c12c421d0f409e24e6cfdd75: 44 code bytes at 0x12bab in the function at 0x11f80 (2713 instructions, in 1 target sample(s)); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 0F B6 4A 20 89 CE 40 C0 EE 02 83 E6 07 F6 C1 20 0F 85 ?? ?? ?? ?? 48 8B 42 48 48 8B 4A 10 48 85 C9 0F 8E ?? ?? ?? ?? 83 FE 01 0F 84 }
        // sample 312a733835e7dfec64b3dca9eac34ec652f98701f69e9d674f6a1e0830dd2a0c: 28 code bytes at 0x7a48 in the function at 0x76a0 (354 instructions, in 1 target sample(s)); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 48 89 C7 48 85 C0 0F 84 ?? ?? ?? ?? 48 8B 33 48 8B 53 08 E8 ?? ?? ?? ?? 48 89 C7 E9 }
        // sample 312a733835e7dfec64b3dca9eac34ec652f98701f69e9d674f6a1e0830dd2a0c: 47 code bytes at 0x1383b in the function at 0x10720 (2872 instructions, in 1 target sample(s)); 2 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 45 8B 41 1C 41 8B 41 18 49 C1 E0 1E 49 09 C0 49 F7 D8 4D 89 C5 EB ?? 45 8B 41 1C 41 8B 41 18 49 C1 E0 1E 49 09 C0 4D 89 C5 EB ?? 45 8B 69 18 }
        // sample 36975a42953e5b6dea22f1398c20cc44c4881e3e16eef0ca757c27e969ecc6b0: 43 code bytes at 0x1800027e7 in the function at 0x180002560 (203 instructions, in 1 target sample(s)); 15 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 49 3B C1 74 ?? 4D 85 C9 75 ?? 48 8B 0D ?? ?? ?? ?? 48 8D 15 ?? ?? ?? ?? 48 8B 09 FF 15 ?? ?? ?? ?? B8 FF FF FF FF EB ?? 4C 8D 05 }
        // sample 36975a42953e5b6dea22f1398c20cc44c4881e3e16eef0ca757c27e969ecc6b0: 48 code bytes at 0x180005c72 in the function at 0x180004f30 (1628 instructions, in 1 target sample(s)); 2 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 8B 48 20 44 8B C1 41 C1 E8 02 41 83 E0 07 F6 C1 20 74 ?? F6 C1 40 BA 30 00 00 00 B9 48 00 00 00 0F 44 D1 48 03 D0 EB ?? 48 8B 50 48 4C 8B 48 10 }
        // sample 36975a42953e5b6dea22f1398c20cc44c4881e3e16eef0ca757c27e969ecc6b0: 43 code bytes at 0x180006093 in the function at 0x180004f30 (1628 instructions, in 1 target sample(s)); 19 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 85 C0 79 ?? FF 15 ?? ?? ?? ?? 48 85 C0 75 ?? 48 8D 15 ?? ?? ?? ?? EB ?? 48 8D 15 ?? ?? ?? ?? 48 8B 0D ?? ?? ?? ?? 48 8B 09 FF 15 }
        // sample 36975a42953e5b6dea22f1398c20cc44c4881e3e16eef0ca757c27e969ecc6b0: 41 code bytes at 0x18001070e in the function at 0x180010680 (64 instructions, in 1 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f8 = { 41 F6 C0 40 B8 30 00 00 00 BA 48 00 00 00 0F 44 C2 48 03 C1 8B 00 48 83 C4 28 C3 48 8B 41 48 8B 00 48 83 C4 28 C3 48 8B 0D }
        // sample b92963967226d3ea6a20d5eb6ba98ab81d4ec2649a5432c5340b714b4451a42d: 41 code bytes at 0xd198 in the function at 0xcc50 (541 instructions, in 1 target sample(s)); 12 bytes wildcarded (addresses, relocations, relative offsets)
        $f9 = { 48 8B 15 ?? ?? ?? ?? 48 85 D2 0F 84 ?? ?? ?? ?? 48 8B 7D 08 48 39 FA 0F 84 ?? ?? ?? ?? 48 8B 8F 58 01 00 00 48 85 C9 0F 84 }
        // sample b92963967226d3ea6a20d5eb6ba98ab81d4ec2649a5432c5340b714b4451a42d: 42 code bytes at 0xd1c5 in the function at 0xcc50 (541 instructions, in 1 target sample(s)); 10 bytes wildcarded (addresses, relocations, relative offsets)
        $f10 = { 48 8B 71 10 48 85 F6 7E ?? 31 C0 48 3B 54 C1 18 0F 84 ?? ?? ?? ?? 48 83 C0 01 48 39 C6 75 ?? 48 8B 05 ?? ?? ?? ?? 48 8B 4A 18 }
        // literal string of the data sections of sample b92963967226d3ea6a20d5eb6ba98ab81d4ec2649a5432c5340b714b4451a42d (in 6 target sample(s); also in 5 more)
        $s11 = "yarl._quoting_c._write_char" ascii wide fullword
        // literal string of the data sections of sample b92963967226d3ea6a20d5eb6ba98ab81d4ec2649a5432c5340b714b4451a42d (in 6 target sample(s); also in 5 more)
        $s12 = "yarl._quoting_c.__pyx_unpickle__Unquoter__set_state" ascii wide fullword
        // literal string of the data sections of sample b92963967226d3ea6a20d5eb6ba98ab81d4ec2649a5432c5340b714b4451a42d (in 6 target sample(s); also in 5 more)
        $s13 = "yarl._quoting_c.__pyx_unpickle__Quoter__set_state" ascii wide fullword
        // literal string of the data sections of sample b92963967226d3ea6a20d5eb6ba98ab81d4ec2649a5432c5340b714b4451a42d (in 6 target sample(s); also in 5 more)
        $s14 = "yarl._quoting_c._Unquoter._do_unquote" ascii wide fullword
        // literal string of the data sections of sample b92963967226d3ea6a20d5eb6ba98ab81d4ec2649a5432c5340b714b4451a42d (in 6 target sample(s); also in 5 more)
        $s15 = "yarl._quoting_c._Unquoter.__setstate_cython__" ascii wide fullword
        // literal string of the data sections of sample b92963967226d3ea6a20d5eb6ba98ab81d4ec2649a5432c5340b714b4451a42d (in 6 target sample(s); also in 5 more)
        $s16 = "yarl._quoting_c._Unquoter.__reduce_cython__" ascii wide fullword
        // literal string of the data sections of sample b92963967226d3ea6a20d5eb6ba98ab81d4ec2649a5432c5340b714b4451a42d (in 6 target sample(s); also in 5 more)
        $s17 = "yarl._quoting_c._Unquoter.__init__" ascii wide fullword
        // literal string of the data sections of sample b92963967226d3ea6a20d5eb6ba98ab81d4ec2649a5432c5340b714b4451a42d (in 6 target sample(s); also in 5 more)
        $s18 = "yarl._quoting_c._Unquoter.__call__" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

rule codekin_zope_interface
{
    meta:
        author = "codekin 0.1.0"
        family = "zope.interface"
        samples = 6
        description = "code found in samples of zope.interface and in no other indexed family, library or goodware"
        date = "2026-11-25"
    strings:
        // sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854: 47 code bytes at 0x2c90 in the function at 0x2c90 (49 instructions, in 3 target sample(s); also in 2 more); 6 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 55 53 48 83 EC 08 48 8B 57 50 48 85 D2 0F 84 ?? ?? ?? ?? 48 8B 77 48 48 89 FB 48 85 F6 74 ?? 48 8B 47 58 48 85 C0 74 ?? 48 83 C4 08 5B 5D C3 }
        // sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854: 48 code bytes at 0x2cc0 in the function at 0x2c90 (49 instructions, in 3 target sample(s); also in 2 more); 10 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { BF 02 00 00 00 E8 ?? ?? ?? ?? 48 89 C5 48 85 C0 74 ?? 48 89 C7 E8 ?? ?? ?? ?? 48 89 43 58 48 83 6D 00 01 74 ?? 48 8B 43 58 48 83 C4 08 5B 5D C3 }
        // sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854: 46 code bytes at 0x3bd0 in the function at 0x3bd0 (53 instructions, in 3 target sample(s); also in 2 more); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 53 31 C0 48 89 FB 48 8D 0D ?? ?? ?? ?? 48 89 F7 48 89 D6 48 8D 15 ?? ?? ?? ?? 48 83 EC 10 49 89 E1 4C 8D 44 24 08 48 C7 04 24 00 00 00 00 }
        // sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854: 48 code bytes at 0x3c2b in the function at 0x3bd0 (53 instructions, in 3 target sample(s); also in 2 more); 7 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 48 8B 7B 50 48 85 FF 74 ?? 48 C7 43 50 00 00 00 00 48 83 2F 01 74 ?? 48 89 DF E8 ?? ?? ?? ?? 48 8B 04 24 48 85 C0 74 ?? 48 89 43 50 48 83 00 01 }
        // sample 47f5e09023af018fa9c7a56f002bd039ca0f15a6ef6264b7574a14d74f3ba19e: 48 code bytes at 0x1800023d0 in the function at 0x1800023d0 (42 instructions, in 2 target sample(s); also in 2 more); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 4C 8B DC 53 48 83 EC 60 48 8B D9 4C 8D 0D ?? ?? ?? ?? 33 C9 49 8B C0 49 89 4B D8 4C 8D 05 ?? ?? ?? ?? 49 89 4B 20 4C 8B D2 49 8D 4B 20 48 8B D0 }
        // sample 47f5e09023af018fa9c7a56f002bd039ca0f15a6ef6264b7574a14d74f3ba19e: 48 code bytes at 0x180002400 in the function at 0x1800023d0 (42 instructions, in 2 target sample(s); also in 1 more); 5 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 49 89 4B D0 49 8D 4B D8 49 89 4B C8 49 8D 4B E8 49 89 4B C0 49 8D 4B E0 49 89 4B B8 49 8B CA FF 15 ?? ?? ?? ?? 85 C0 75 ?? 33 C0 48 83 C4 60 5B }
        // sample 47f5e09023af018fa9c7a56f002bd039ca0f15a6ef6264b7574a14d74f3ba19e: 48 code bytes at 0x1800024a0 in the function at 0x180002470 (42 instructions, in 2 target sample(s); also in 1 more); 5 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 49 89 4B D0 49 8D 4B D8 49 89 4B C8 49 8D 4B E0 49 89 4B C0 49 8D 4B E8 49 89 4B B8 49 8B CA FF 15 ?? ?? ?? ?? 85 C0 75 ?? 33 C0 48 83 C4 60 5B }
        // sample 47f5e09023af018fa9c7a56f002bd039ca0f15a6ef6264b7574a14d74f3ba19e: 46 code bytes at 0x180004120 in the function at 0x180004120 (25 instructions, in 2 target sample(s); also in 2 more); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 48 83 EC 28 48 8B 41 48 48 85 C0 74 ?? 4C 3B C0 75 ?? 48 85 D2 75 ?? 48 FF 01 48 8B C1 48 83 C4 28 C3 48 8B 41 50 48 85 C0 74 ?? 48 FF 00 }
        // literal string of the data sections of sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854 (in 6 target sample(s); also in 5 more)
        $s8 = "|OO:InterfaceBase.__init__" ascii wide fullword
        // literal string of the data sections of sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854 (in 6 target sample(s); also in 5 more)
        $s9 = "zope.interface.declarations.Implements is not a type" ascii wide fullword
        // literal string of the data sections of sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854 (in 6 target sample(s); also in 5 more)
        $s10 = "isOrExtends" ascii wide fullword
        // literal string of the data sections of sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854 (in 6 target sample(s); also in 5 more)
        $s11 = "implementedByFallback" ascii wide fullword
        // literal string of the data sections of sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854 (in 6 target sample(s); also in 5 more)
        $s12 = "getObjectSpecification" ascii wide fullword
        // literal string of the data sections of sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854 (in 6 target sample(s); also in 5 more)
        $s13 = "adapter_hooks" ascii wide fullword
        // literal string of the data sections of sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854 (in 6 target sample(s); also in 5 more)
        $s14 = "_zope_interface_coptimizations.VerifyingBase" ascii wide fullword
        // literal string of the data sections of sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854 (in 6 target sample(s); also in 5 more)
        $s15 = "_zope_interface_coptimizations.LookupBase" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

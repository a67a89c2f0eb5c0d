rule codekin_aiohttp
{
    meta:
        author = "codekin 0.1.0"
        family = "aiohttp"
        samples = 26
        description = "code found in samples of aiohttp and in no other indexed family, library or goodware"
        date = "2026-11-26"
    strings:
        // literal string of the data sections of sample 43b482eefbee003403ce2bb1bdc2b40e2109db92ef0c2dd7b6a1c50ecc277a7b (in 6 target sample(s); also in 5 more)
        $s0 = "status_line" ascii wide fullword
        // literal string of the data sections of sample 43b482eefbee003403ce2bb1bdc2b40e2109db92ef0c2dd7b6a1c50ecc277a7b (in 6 target sample(s); also in 5 more)
        $s1 = "init aiohttp._http_writer" ascii wide fullword
        // literal string of the data sections of sample 43b482eefbee003403ce2bb1bdc2b40e2109db92ef0c2dd7b6a1c50ecc277a7b (in 6 target sample(s); also in 5 more)
        $s2 = "aiohttp/_http_writer.c" ascii wide fullword
        // literal string of the data sections of sample 43b482eefbee003403ce2bb1bdc2b40e2109db92ef0c2dd7b6a1c50ecc277a7b (in 6 target sample(s); also in 5 more)
        $s3 = "aiohttp._http_writer.to_str" ascii wide fullword
        // literal string of the data sections of sample 43b482eefbee003403ce2bb1bdc2b40e2109db92ef0c2dd7b6a1c50ecc277a7b (in 6 target sample(s); also in 5 more)
        $s4 = "aiohttp._http_writer._write_str" ascii wide fullword
        // literal string of the data sections of sample 43b482eefbee003403ce2bb1bdc2b40e2109db92ef0c2dd7b6a1c50ecc277a7b (in 6 target sample(s); also in 5 more)
        $s5 = "aiohttp._http_writer._write_byte" ascii wide fullword
        // literal string of the data sections of sample 43b482eefbee003403ce2bb1bdc2b40e2109db92ef0c2dd7b6a1c50ecc277a7b (in 6 target sample(s); also in 5 more)
        $s6 = "aiohttp._http_writer._serialize_headers" ascii wide fullword
        // literal string of the data sections of sample 43b482eefbee003403ce2bb1bdc2b40e2109db92ef0c2dd7b6a1c50ecc277a7b (in 6 target sample(s); also in 5 more)
        $s7 = "Module '_http_writer' has already been imported. Re-initialisation is not supported." ascii wide fullword
        // literal string of the data sections of sample 83d69760fdcb32a630f6ad18b77959838a587a691e460f4b12cec2432b98c504 (in 6 target sample(s); also in 5 more)
        $s8 = "uint64_msk" ascii wide fullword
        // literal string of the data sections of sample 83d69760fdcb32a630f6ad18b77959838a587a691e460f4b12cec2432b98c504 (in 6 target sample(s); also in 5 more)
        $s9 = "uint32_msk" ascii wide fullword
        // literal string of the data sections of sample 83d69760fdcb32a630f6ad18b77959838a587a691e460f4b12cec2432b98c504 (in 6 target sample(s); also in 5 more)
        $s10 = "init aiohttp._websocket" ascii wide fullword
        // literal string of the data sections of sample 83d69760fdcb32a630f6ad18b77959838a587a691e460f4b12cec2432b98c504 (in 6 target sample(s); also in 5 more)
        $s11 = "aiohttp/_websocket.c" ascii wide fullword
        // literal string of the data sections of sample 83d69760fdcb32a630f6ad18b77959838a587a691e460f4b12cec2432b98c504 (in 6 target sample(s); also in 5 more)
        $s12 = "aiohttp._websocket._websocket_mask_cython" ascii wide fullword
        // literal string of the data sections of sample 83d69760fdcb32a630f6ad18b77959838a587a691e460f4b12cec2432b98c504 (in 6 target sample(s); also in 5 more)
        $s13 = "Note, this function mutates its `data` argument" ascii wide fullword
        // literal string of the data sections of sample 83d69760fdcb32a630f6ad18b77959838a587a691e460f4b12cec2432b98c504 (in 6 target sample(s); also in 5 more)
        $s14 = "Module '_websocket' has already been imported. Re-initialisation is not supported." ascii wide fullword
        // literal string of the data sections of sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e (in 6 target sample(s); also in 5 more)
        $s15 = "should_close" ascii wide fullword
        // literal string of the data sections of sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e (in 6 target sample(s); also in 5 more)
        $s16 = "response_with_body" ascii wide fullword
        // literal string of the data sections of sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e (in 6 target sample(s); also in 5 more)
        $s17 = "read_until_eof" ascii wide fullword
        // literal string of the data sections of sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e (in 6 target sample(s); also in 5 more)
        $s18 = "raw_headers" ascii wide fullword
        // literal string of the data sections of sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e (in 6 target sample(s); also in 5 more)
        $s19 = "payload_exception" ascii wide fullword
        // literal string of the data sections of sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e (in 6 target sample(s); also in 5 more)
        $s20 = "max_line_size" ascii wide fullword
        // literal string of the data sections of sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e (in 6 target sample(s); also in 5 more)
        $s21 = "max_headers" ascii wide fullword
        // literal string of the data sections of sample 8ea2ffc0756afedf394e1d66140eb9c566b85678bf698d2d371faa24f33f0a4e (in 6 target sample(s); also in 5 more)
        $s22 = "max_field_size" ascii wide fullword
        // literal string of the data sections of sample e340c1be585854743a9f0aa48c25c914376da8f3da8f049cda3827b051edccd6 (in 6 target sample(s); also in 5 more)
        $s23 = "reified property is read-only" ascii wide fullword
        // literal string of the data sections of sample e340c1be585854743a9f0aa48c25c914376da8f3da8f049cda3827b051edccd6 (in 6 target sample(s); also in 5 more)
        $s24 = "init aiohttp._helpers" ascii wide fullword
        // literal string of the data sections of sample e340c1be585854743a9f0aa48c25c914376da8f3da8f049cda3827b051edccd6 (in 6 target sample(s); also in 5 more)
        $s25 = "aiohttp/_helpers.c" ascii wide fullword
        // literal string of the data sections of sample e340c1be585854743a9f0aa48c25c914376da8f3da8f049cda3827b051edccd6 (in 6 target sample(s); also in 5 more)
        $s26 = "aiohttp._helpers.reify.__setstate_cython__" ascii wide fullword
        // literal string of the data sections of sample e340c1be585854743a9f0aa48c25c914376da8f3da8f049cda3827b051edccd6 (in 6 target sample(s); also in 5 more)
        $s27 = "aiohttp._helpers.reify.__set__" ascii wide fullword
        // literal string of the data sections of sample e340c1be585854743a9f0aa48c25c914376da8f3da8f049cda3827b051edccd6 (in 6 target sample(s); also in 5 more)
        $s28 = "aiohttp._helpers.reify.__reduce_cython__" ascii wide fullword
        // literal string of the data sections of sample e340c1be585854743a9f0aa48c25c914376da8f3da8f049cda3827b051edccd6 (in 6 target sample(s); also in 5 more)
        $s29 = "aiohttp._helpers.reify.__init__" ascii wide fullword
        // literal string of the data sections of sample e340c1be585854743a9f0aa48c25c914376da8f3da8f049cda3827b051edccd6 (in 6 target sample(s); also in 5 more)
        $s30 = "aiohttp._helpers.reify.__get__" ascii wide fullword
        // literal string of the data sections of sample 23391519e1bf052d4832ada81bca088c2b8bce582f0eb3535109b524a2891e10 (in 3 target sample(s); also in 2 more)
        $s31 = "PyInit__websocket" ascii wide fullword
        // literal string of the data sections of sample 4e8a1dc947d0466239d3711892dc4536e4515627337dfce038844e12e6d591b5 (in 2 target sample(s); also in 1 more)
        $s32 = "init aiohttp._frozenlist" ascii wide fullword
        // literal string of the data sections of sample 4e8a1dc947d0466239d3711892dc4536e4515627337dfce038844e12e6d591b5 (in 2 target sample(s); also in 1 more)
        $s33 = "aiohttp/_frozenlist.c" ascii wide fullword
        // literal string of the data sections of sample 4e8a1dc947d0466239d3711892dc4536e4515627337dfce038844e12e6d591b5 (in 2 target sample(s); also in 1 more)
        $s34 = "aiohttp._frozenlist.__pyx_unpickle_FrozenList__set_state" ascii wide fullword
        // literal string of the data sections of sample 4e8a1dc947d0466239d3711892dc4536e4515627337dfce038844e12e6d591b5 (in 2 target sample(s); also in 1 more)
        $s35 = "aiohttp._frozenlist.FrozenList.reverse" ascii wide fullword
        // literal string of the data sections of sample 4e8a1dc947d0466239d3711892dc4536e4515627337dfce038844e12e6d591b5 (in 2 target sample(s); also in 1 more)
        $s36 = "aiohttp._frozenlist.FrozenList.remove" ascii wide fullword
        // literal string of the data sections of sample 4e8a1dc947d0466239d3711892dc4536e4515627337dfce038844e12e6d591b5 (in 2 target sample(s); also in 1 more)
        $s37 = "aiohttp._frozenlist.FrozenList.pop" ascii wide fullword
        // literal string of the data sections of sample 4e8a1dc947d0466239d3711892dc4536e4515627337dfce038844e12e6d591b5 (in 2 target sample(s); also in 1 more)
        $s38 = "aiohttp._frozenlist.FrozenList.insert" ascii wide fullword
        // literal string of the data sections of sample 4e8a1dc947d0466239d3711892dc4536e4515627337dfce038844e12e6d591b5 (in 2 target sample(s); also in 1 more)
        $s39 = "aiohttp._frozenlist.FrozenList.index" ascii wide fullword
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
        date = "2026-11-26"
    strings:
        // sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b: 47 code bytes at 0x2083f in the function at 0x20810 (184 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 48 89 F0 C1 E9 03 66 0F 6F E3 48 C1 E1 07 48 01 F1 F3 0F 6F 78 1E F3 0F 6F 40 0E 48 83 E8 80 66 0F 6F C8 66 0F 61 C7 66 0F 69 CF 66 0F 6F D0 }
        // sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b: 47 code bytes at 0x2086e in the function at 0x20810 (184 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { F3 0F 6F 78 BE 66 0F 69 D1 66 0F 61 C1 F3 0F 6F 48 AE 66 0F 61 C2 66 0F 6F D1 66 0F 61 CF 66 0F 69 D7 66 0F 6F F1 F3 0F 6F 78 DE 66 0F 69 F2 }
        // sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b: 48 code bytes at 0x208f8 in the function at 0x20810 (184 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 66 0F 6F FA 66 0F 69 FE 66 0F 61 D6 66 0F 6F F1 66 0F 61 D7 66 0F 61 CA 66 0F 69 F2 66 0F 6F D1 66 0F 61 CE 66 0F 69 D6 66 0F 61 CA 66 0F 6F D0 }
        // sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b: 47 code bytes at 0x20955 in the function at 0x20810 (184 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 66 0F 6F C3 83 E2 F8 66 0F 73 D8 08 66 0F FD D8 66 0F 6F C3 66 0F 73 D8 04 66 0F FD D8 66 0F 6F C3 66 0F 73 D8 02 66 0F FD D8 66 0F C5 C3 00 }
        // sample fdf2f503f6480838bd010527f1ed10facd79ad8e6cf634be57797bb9d248626d: 46 code bytes at 0x18010c290 in the function at 0x18010c290 (27 instructions, in 3 target sample(s); also in 2 more); 18 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 48 83 EC 28 66 0F 2F 05 ?? ?? ?? ?? 0F 28 D8 72 ?? F2 0F 58 1D ?? ?? ?? ?? 66 0F 2F 1D ?? ?? ?? ?? 72 ?? F2 0F 5C 1D ?? ?? ?? ?? 0F 28 C3 }
        // sample fdf2f503f6480838bd010527f1ed10facd79ad8e6cf634be57797bb9d248626d: 46 code bytes at 0x18010c2be in the function at 0x18010c290 (27 instructions, in 3 target sample(s); also in 2 more); 12 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { E8 ?? ?? ?? ?? 0F 57 05 ?? ?? ?? ?? 48 83 C4 28 C3 0F 28 CB F2 0F 59 CB 0F 28 D1 F2 0F 59 D3 F2 0F 59 1D ?? ?? ?? ?? 0F 28 C2 F2 0F 59 D1 }
        // sample fdf2f503f6480838bd010527f1ed10facd79ad8e6cf634be57797bb9d248626d: 32 code bytes at 0x18010c2ec in the function at 0x18010c290 (27 instructions, in 3 target sample(s); also in 2 more); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { F2 0F 59 05 ?? ?? ?? ?? F2 0F 59 15 ?? ?? ?? ?? F2 0F 5C D8 F2 0F 58 DA 0F 28 C3 48 83 C4 28 C3 }
        // sample 4259f66371f2b38303d1d495edee857441b3efacef0ca7851a7e3ad3669872db: 48 code bytes at 0x2dcb6 in the function at 0x1f4c0 (15283 instructions, in 1 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { BA 00 04 00 00 B8 40 00 00 00 48 0F 44 C2 C3 81 FF 70 09 00 00 BA 80 00 00 00 B8 00 00 40 00 48 0F 45 C2 C3 81 EF 02 0D 00 00 83 FF 02 48 19 C0 }
        // sample 4259f66371f2b38303d1d495edee857441b3efacef0ca7851a7e3ad3669872db: 48 code bytes at 0x30a3f in the function at 0x1f4c0 (15283 instructions, in 1 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f8 = { B8 04 00 00 20 C3 B8 00 01 00 40 C3 B8 04 00 00 20 C3 B8 00 04 00 00 C3 B8 24 00 00 20 C3 B8 04 00 00 20 C3 B8 00 01 00 00 C3 B8 40 00 00 00 C3 }
        // sample 4259f66371f2b38303d1d495edee857441b3efacef0ca7851a7e3ad3669872db: 48 code bytes at 0x30b2f in the function at 0x1f4c0 (15283 instructions, in 1 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f9 = { B8 04 00 00 20 C3 B8 00 08 00 00 C3 B8 00 01 00 00 C3 B8 00 00 00 50 C3 B8 00 01 00 00 C3 B8 04 00 00 20 C3 B8 08 00 00 00 C3 B8 04 00 00 20 C3 }
        // sample 4259f66371f2b38303d1d495edee857441b3efacef0ca7851a7e3ad3669872db: 48 code bytes at 0x30bbf in the function at 0x1f4c0 (15283 instructions, in 1 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f10 = { B8 04 00 00 20 C3 B8 00 00 00 10 C3 B8 00 08 00 00 C3 B8 00 01 00 00 C3 B8 40 00 00 00 C3 B8 04 00 00 20 C3 B8 00 04 00 00 C3 B8 00 01 00 00 C3 }
        // literal string of the data sections of sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b (in 6 target sample(s); also in 5 more)
        $s11 = "zeroblob.length() -> int" ascii wide fullword
        // literal string of the data sections of sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b (in 6 target sample(s); also in 5 more)
        $s12 = "zeroblob size must be >= 0" ascii wide fullword
        // literal string of the data sections of sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b (in 6 target sample(s); also in 5 more)
        $s13 = "zero/NULL). If you do not supply this routine then SQLite provides" ascii wide fullword
        // literal string of the data sections of sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b (in 6 target sample(s); also in 5 more)
        $s14 = "your query included multiple statements), or if you called" ascii wide fullword
        // literal string of the data sections of sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b (in 6 target sample(s); also in 5 more)
        $s15 = "your VFS be the default and wish to immediately make it be" ascii wide fullword
        // literal string of the data sections of sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b (in 6 target sample(s); also in 5 more)
        $s16 = "xWrite($self,data,offset)" ascii wide fullword
        // literal string of the data sections of sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b (in 6 target sample(s); also in 5 more)
        $s17 = "xUnlock($self,level)" ascii wide fullword
        // literal string of the data sections of sample 7457dfa3e41ce88f8db7c2a1292f2f0f65ccc6a5804092461dedc93cc460405b (in 6 target sample(s); also in 5 more)
        $s18 = "xTruncate($self,newsize)" ascii wide fullword
        // literal string of the data sections of sample 8c99f94bfa8e20ea3fda7ac70d8ca716e3b9bed4e7104f782eda3e1bb8e109d9 (in 4 target sample(s); also in 3 more)
        $s19 = "Too many positional arguments %d (max %d) provided to %s" ascii wide fullword
        // literal string of the data sections of sample 8c99f94bfa8e20ea3fda7ac70d8ca716e3b9bed4e7104f782eda3e1bb8e109d9 (in 4 target sample(s); also in 3 more)
        $s20 = "Expected bytes or similar type that supports buffer protocol, not %s" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them and (1 of ($s*) or 3 of ($f*))
}

rule codekin_argon2_cffi_bindings
{
    meta:
        author = "codekin 0.1.0"
        family = "argon2-cffi-bindings"
        samples = 6
        description = "code found in samples of argon2-cffi-bindings and in no other indexed family, library or goodware"
        date = "2026-11-26"
    strings:
        // sample b007f64124c20aca8b87b59403e696f99c736d36bfc0b8f7767bdbf6aa8f1489: 48 code bytes at 0x6ab9 in the function at 0x6a30 (455 instructions, in 2 target sample(s); also in 1 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 66 44 0F 6F CC 66 44 0F F4 4A 90 66 45 0F D4 C9 66 0F EF CF 66 44 0F 6F F7 66 0F D4 C4 66 0F 6F D9 66 0F 73 F3 20 66 0F 73 D1 20 66 44 0F D4 C8 }
        // sample b007f64124c20aca8b87b59403e696f99c736d36bfc0b8f7767bdbf6aa8f1489: 48 code bytes at 0x6bfc in the function at 0x6a30 (455 instructions, in 2 target sample(s); also in 1 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 66 0F D4 F6 66 45 0F D4 E7 66 41 0F D4 F3 66 41 0F EF EC 66 44 0F 6F DA 66 0F EF E6 66 0F 6F CD 66 0F 6C D2 66 0F 6F C4 66 0F 6F E5 66 0F 6F FE }
        // sample b007f64124c20aca8b87b59403e696f99c736d36bfc0b8f7767bdbf6aa8f1489: 48 code bytes at 0x6d3b in the function at 0x6a30 (455 instructions, in 2 target sample(s); also in 1 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 66 0F EF E0 66 41 0F 6F C0 66 41 0F D4 CA 66 0F F4 C4 66 44 0F D4 C4 66 0F EF D9 0F 29 4A 80 66 0F D4 C0 66 41 0F D4 C0 66 0F EF D0 0F 29 42 90 }
        // sample b007f64124c20aca8b87b59403e696f99c736d36bfc0b8f7767bdbf6aa8f1489: 48 code bytes at 0x6f05 in the function at 0x6a30 (455 instructions, in 2 target sample(s); also in 1 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 66 44 0F D4 D4 66 0F 6F E2 66 0F F4 A0 70 02 00 00 66 0F D4 E4 66 41 0F EF DA 66 0F D4 E6 66 41 0F 6F F3 66 0F 6F EB 66 0F EF CC 66 45 0F 6F C2 }
        // sample a0875c874d8e027c9373df6bc254072a549c59ac78a744d950ae034e53868196: 48 code bytes at 0x79ec in the function at 0x79c0 (456 instructions, in 1 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 66 66 2E 0F 1F 84 00 00 00 00 00 66 0F 1F 84 00 00 00 00 00 F3 0F 6F 04 06 66 0F EF 04 07 0F 29 04 07 F3 0F 6F 34 02 66 0F EF C6 41 0F 29 04 00 }
        // sample a0875c874d8e027c9373df6bc254072a549c59ac78a744d950ae034e53868196: 48 code bytes at 0x7c16 in the function at 0x79c0 (456 instructions, in 1 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 66 45 0F D4 C9 66 45 0F D4 C8 66 44 0F 6F C6 66 0F D4 F4 66 44 0F F4 C4 66 41 0F EF D1 66 45 0F D4 C0 66 44 0F D4 C6 66 0F 6F F5 66 41 0F EF D8 }
        // sample a0875c874d8e027c9373df6bc254072a549c59ac78a744d950ae034e53868196: 48 code bytes at 0x7d00 in the function at 0x79c0 (456 instructions, in 1 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 66 0F 73 F4 30 66 0F 73 D3 10 66 0F EF DC 66 0F 6F E2 66 0F 73 F4 30 66 0F 73 D2 10 66 0F EF D4 66 0F 6F E6 66 0F D4 F3 66 0F F4 E3 66 0F 6F FC }
        // sample a0875c874d8e027c9373df6bc254072a549c59ac78a744d950ae034e53868196: 48 code bytes at 0x7d5c in the function at 0x79c0 (456 instructions, in 1 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 66 0F 73 F4 01 0F 29 69 C0 66 0F 73 D1 3F 66 0F EF CC 66 0F 6F E0 66 0F 73 F4 01 66 0F 73 D0 3F 66 0F 6F E9 66 0F EF C4 66 0F 6C E9 66 0F 6F E0 }
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
        $s14 = "Too many threads" ascii wide fullword
        // literal string of the data sections of sample b007f64124c20aca8b87b59403e696f99c736d36bfc0b8f7767bdbf6aa8f1489 (in 6 target sample(s); also in 5 more)
        $s15 = "Too many lanes" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them and (1 of ($s*) or 3 of ($f*))
}

rule codekin_cramjam
{
    meta:
        author = "codekin 0.1.0"
        family = "cramjam"
        samples = 6
        description = "code found in samples of cramjam and in no other indexed family, library or goodware"
        date = "2026-11-26"
    strings:
        // sample 64084cda2985c5ae178f6a56ba53407eebf1597fdc86c604f4fa4b67c7cbcfe8: 47 code bytes at 0x1800ef9ba in the function at 0x1800ef900 (117 instructions, in 2 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 66 0F 6F D1 66 0F 3A 44 D4 00 66 0F EF D7 66 41 0F 3A 44 C8 11 66 0F EF CA 66 0F 6F D0 66 0F 3A 44 D4 00 66 41 0F EF D1 66 41 0F 3A 44 C0 11 }
        // sample 64084cda2985c5ae178f6a56ba53407eebf1597fdc86c604f4fa4b67c7cbcfe8: 46 code bytes at 0x1800efa18 in the function at 0x1800ef900 (117 instructions, in 2 target sample(s)); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 66 0F 6F 3D ?? ?? ?? ?? 66 0F 3A 44 DF 11 66 0F EF F5 66 0F EF F3 66 0F 6F D6 66 0F 3A 44 D4 00 66 0F 3A 44 F7 11 66 0F EF D1 66 0F EF D6 }
        // sample 64084cda2985c5ae178f6a56ba53407eebf1597fdc86c604f4fa4b67c7cbcfe8: 44 code bytes at 0x1800efaa2 in the function at 0x1800ef900 (117 instructions, in 2 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 66 0F 3A 44 C1 01 66 0F 73 D9 08 66 0F EF C8 66 0F EF C0 66 0F EF D2 66 0F 3A 0E D1 03 48 B8 24 61 CD 63 01 00 00 00 66 48 0F 6E D8 }
        // sample 64084cda2985c5ae178f6a56ba53407eebf1597fdc86c604f4fa4b67c7cbcfe8: 41 code bytes at 0x1800eface in the function at 0x1800ef900 (117 instructions, in 2 target sample(s)); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 66 0F 3A 44 DA 00 66 0F 73 D9 04 66 0F EF CB 66 0F EF D2 66 0F 3A 0E D1 03 66 0F 3A 44 15 ?? ?? ?? ?? 10 66 0F 3A 0E D0 FC }
        // sample 64084cda2985c5ae178f6a56ba53407eebf1597fdc86c604f4fa4b67c7cbcfe8: 48 code bytes at 0x1800efb26 in the function at 0x1800ef900 (117 instructions, in 2 target sample(s); also in 1 more); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 44 0F 28 44 24 20 44 0F 28 4C 24 30 48 83 C4 48 E9 ?? ?? ?? ?? 89 C8 0F 28 34 24 0F 28 7C 24 10 44 0F 28 44 24 20 44 0F 28 4C 24 30 48 83 C4 48 }
        // sample 952bf94f9285d3aeb8a90cd0da80cc02fd05941e3ba70310ffb1b0980aa41f5f: 44 code bytes at 0x18020a5f2 in the function at 0x18020a450 (117 instructions, in 2 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 66 0F 3A 44 C8 01 66 0F 73 D8 08 66 0F EF C1 66 0F EF C9 66 0F EF D2 66 0F 3A 0E D0 03 48 B8 24 61 CD 63 01 00 00 00 66 48 0F 6E D8 }
        // sample 952bf94f9285d3aeb8a90cd0da80cc02fd05941e3ba70310ffb1b0980aa41f5f: 41 code bytes at 0x18020a61e in the function at 0x18020a450 (117 instructions, in 2 target sample(s)); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 66 0F 3A 44 DA 00 66 0F 73 D8 04 66 0F EF C3 66 0F EF D2 66 0F 3A 0E D0 03 66 0F 3A 44 15 ?? ?? ?? ?? 10 66 0F 3A 0E D1 FC }
        // sample b37005dfb076f77576cbdfdfb672dd2bb834c0ab16a6940e48ca0ae0ef46e18f: 46 code bytes at 0x1fafd9 in the function at 0x1fae40 (101 instructions, in 1 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 66 0F 3A 0E D0 03 48 B8 24 61 CD 63 01 00 00 00 66 48 0F 6E D8 66 0F 3A 44 DA 00 66 0F 73 D8 04 66 0F EF C3 66 0F EF D2 66 0F 3A 0E D0 03 }
        // sample b37005dfb076f77576cbdfdfb672dd2bb834c0ab16a6940e48ca0ae0ef46e18f: 47 code bytes at 0x1fb007 in the function at 0x1fae40 (101 instructions, in 1 target sample(s)); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f8 = { 66 0F 3A 44 15 ?? ?? ?? ?? 10 66 0F 3A 0E D1 FC 48 B8 41 06 71 DB 01 00 00 00 66 48 0F 6E C8 66 0F 3A 44 CA 00 66 0F EF C8 66 0F 3A 16 CF 01 }
        // literal string of the data sections of sample e01387960c692968f7096abf3e9b1a42eb6d1d4bc7b9ee8bf974756d80fd8b5d (in 6 target sample(s); also in 5 more)
        $s9 = "through the Rust implementation, allowing access to the underlying" ascii wide fullword
        // literal string of the data sections of sample e01387960c692968f7096abf3e9b1a42eb6d1d4bc7b9ee8bf974756d80fd8b5d (in 6 target sample(s); also in 5 more)
        $s10 = "then it's assumed `store_size=True` was used during compression and length will then be taken" ascii wide fullword
        // literal string of the data sections of sample e01387960c692968f7096abf3e9b1a42eb6d1d4bc7b9ee8bf974756d80fd8b5d (in 6 target sample(s); also in 5 more)
        $s11 = "that should be passed to `decompress_raw_into`" ascii wide fullword
        // literal string of the data sections of sample e01387960c692968f7096abf3e9b1a42eb6d1d4bc7b9ee8bf974756d80fd8b5d (in 6 target sample(s); also in 5 more)
        $s12 = "otherwise will be null byte filled to the size." ascii wide fullword
        // literal string of the data sections of sample e01387960c692968f7096abf3e9b1a42eb6d1d4bc7b9ee8bf974756d80fd8b5d (in 6 target sample(s); also in 5 more)
        $s13 = "once it's garbage collected from Python's side, it will be closed." ascii wide fullword
        // literal string of the data sections of sample e01387960c692968f7096abf3e9b1a42eb6d1d4bc7b9ee8bf974756d80fd8b5d (in 6 target sample(s); also in 5 more)
        $s14 = "of buffer that should be passed to `compress_raw_into`" ascii wide fullword
        // literal string of the data sections of sample e01387960c692968f7096abf3e9b1a42eb6d1d4bc7b9ee8bf974756d80fd8b5d (in 6 target sample(s); also in 5 more)
        $s15 = "from cramjam import File" ascii wide fullword
        // literal string of the data sections of sample e01387960c692968f7096abf3e9b1a42eb6d1d4bc7b9ee8bf974756d80fd8b5d (in 6 target sample(s); also in 5 more)
        $s16 = "file.write(b\"bytes\")" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them and (1 of ($s*) or 3 of ($f*))
}

rule codekin_crc32c
{
    meta:
        author = "codekin 0.1.0"
        family = "crc32c"
        samples = 6
        description = "code found in samples of crc32c and in no other indexed family, library or goodware"
        date = "2026-11-26"
    strings:
        // literal string of the data sections of sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48 (in 6 target sample(s); also in 5 more)
        $s0 = "your processor. This package comes with a software implementation, but this" ascii wide fullword
        // literal string of the data sections of sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48 (in 6 target sample(s); also in 5 more)
        $s1 = "support has been opted out because the CRC32C_SW_MODE environment variable is" ascii wide fullword
        // literal string of the data sections of sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48 (in 6 target sample(s); also in 5 more)
        $s2 = "hardware_based" ascii wide fullword
        // literal string of the data sections of sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48 (in 6 target sample(s); also in 5 more)
        $s3 = "crc32c.crc32 will be eventually removed, use crc32c.crc32c instead" ascii wide fullword
        // literal string of the data sections of sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48 (in 6 target sample(s); also in 5 more)
        $s4 = "crc32c implementation in hardware and software" ascii wide fullword
        // literal string of the data sections of sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48 (in 6 target sample(s); also in 5 more)
        $s5 = "Hardware extensions providing a crc32c hardware instruction are not available in" ascii wide fullword
        // literal string of the data sections of sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48 (in 6 target sample(s); also in 5 more)
        $s6 = "Calculate crc32c incrementally (deprecated)" ascii wide fullword
        // literal string of the data sections of sample dfa1787604789633f3f6d9f1e68cadb3865e7eb0e176969fec5b3cfdbfd63e48 (in 6 target sample(s); also in 5 more)
        $s7 = " * If unset: use the software implementation if no hardware support is found" ascii wide fullword
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
        date = "2026-11-26"
    strings:
        // literal string of the data sections of sample 920199f7810434751a2410be7cc3fe03d44460051808ca81b2fa53a1ad331fcb (in 24 target sample(s); also in 23 more)
        $s0 = "PyObject *(PyObject *, int __pyx_skip_dispatch)" ascii wide fullword
        // literal string of the data sections of sample f889178ac8af9d9ec8ecb8347cd8b8f597baf3850347d40701ad4e5653a3dcff (in 24 target sample(s); also in 23 more)
        $s1 = "    See Also:" ascii wide fullword
        // literal string of the data sections of sample 920199f7810434751a2410be7cc3fe03d44460051808ca81b2fa53a1ad331fcb (in 18 target sample(s); also in 17 more)
        $s2 = "cytoolz.utils" ascii wide fullword
        // literal string of the data sections of sample 920199f7810434751a2410be7cc3fe03d44460051808ca81b2fa53a1ad331fcb (in 18 target sample(s); also in 17 more)
        $s3 = "PyObject *(PyObject *, PyObject *, int __pyx_skip_dispatch)" ascii wide fullword
        // literal string of the data sections of sample 525dee95654d9898ba0c6252cb666afa80e395c5e59c89dc8b4db31df734009c (in 12 target sample(s); also in 11 more)
        $s4 = "sliding_window" ascii wide fullword
        // literal string of the data sections of sample 525dee95654d9898ba0c6252cb666afa80e395c5e59c89dc8b4db31df734009c (in 12 target sample(s); also in 11 more)
        $s5 = "random_sample" ascii wide fullword
        // literal string of the data sections of sample 525dee95654d9898ba0c6252cb666afa80e395c5e59c89dc8b4db31df734009c (in 12 target sample(s); also in 11 more)
        $s6 = "partition_all" ascii wide fullword
        // literal string of the data sections of sample 525dee95654d9898ba0c6252cb666afa80e395c5e59c89dc8b4db31df734009c (in 12 target sample(s); also in 11 more)
        $s7 = "cytoolz.itertoolz" ascii wide fullword
        // literal string of the data sections of sample 525dee95654d9898ba0c6252cb666afa80e395c5e59c89dc8b4db31df734009c (in 12 target sample(s); also in 11 more)
        $s8 = "__no__default__" ascii wide fullword
        // literal string of the data sections of sample 525dee95654d9898ba0c6252cb666afa80e395c5e59c89dc8b4db31df734009c (in 12 target sample(s); also in 11 more)
        $s9 = "_unique_key" ascii wide fullword
        // literal string of the data sections of sample 920199f7810434751a2410be7cc3fe03d44460051808ca81b2fa53a1ad331fcb (in 12 target sample(s); also in 11 more)
        $s10 = "identity(x)" ascii wide fullword
        // literal string of the data sections of sample 1f79306104f3cfa9265be39587b645cbf27af874da5931ba87530e9a77e37e33 (in 10 target sample(s); also in 9 more)
        $s11 = "_cython_3_0_8.cython_function_or_method" ascii wide fullword
        // literal string of the data sections of sample 920199f7810434751a2410be7cc3fe03d44460051808ca81b2fa53a1ad331fcb (in 6 target sample(s); also in 5 more)
        $s12 = "thread_last(val, *forms)" ascii wide fullword
        // literal string of the data sections of sample 920199f7810434751a2410be7cc3fe03d44460051808ca81b2fa53a1ad331fcb (in 6 target sample(s); also in 5 more)
        $s13 = "thread_first(val, *forms)" ascii wide fullword
        // literal string of the data sections of sample 920199f7810434751a2410be7cc3fe03d44460051808ca81b2fa53a1ad331fcb (in 6 target sample(s); also in 5 more)
        $s14 = "signature_or_spec" ascii wide fullword
        // literal string of the data sections of sample aae6162dc2899440cff17e844fbc0c8d348b05f3bf01e89a61ce0a6fb001255c (in 6 target sample(s); also in 5 more)
        $s15 = "raises(err, lamda)" ascii wide fullword
        // literal string of the data sections of sample aae6162dc2899440cff17e844fbc0c8d348b05f3bf01e89a61ce0a6fb001255c (in 6 target sample(s); also in 5 more)
        $s16 = "include_dirs()" ascii wide fullword
        // literal string of the data sections of sample aae6162dc2899440cff17e844fbc0c8d348b05f3bf01e89a61ce0a6fb001255c (in 6 target sample(s); also in 5 more)
        $s17 = "cytoolz/utils.c" ascii wide fullword
        // literal string of the data sections of sample aae6162dc2899440cff17e844fbc0c8d348b05f3bf01e89a61ce0a6fb001255c (in 6 target sample(s); also in 5 more)
        $s18 = "consume(seq)" ascii wide fullword
        // literal string of the data sections of sample aae6162dc2899440cff17e844fbc0c8d348b05f3bf01e89a61ce0a6fb001255c (in 6 target sample(s); also in 5 more)
        $s19 = "Module 'utils' has already been imported. Re-initialisation is not supported." ascii wide fullword
        // literal string of the data sections of sample f889178ac8af9d9ec8ecb8347cd8b8f597baf3850347d40701ad4e5653a3dcff (in 6 target sample(s); also in 5 more)
        $s20 = "{0}() got an unexpected keyword argument '{1}'" ascii wide fullword
        // literal string of the data sections of sample f889178ac8af9d9ec8ecb8347cd8b8f597baf3850347d40701ad4e5653a3dcff (in 6 target sample(s); also in 5 more)
        $s21 = "valmap(func, d, factory=dict)" ascii wide fullword
        // literal string of the data sections of sample f889178ac8af9d9ec8ecb8347cd8b8f597baf3850347d40701ad4e5653a3dcff (in 6 target sample(s); also in 5 more)
        $s22 = "valmap (line 178)" ascii wide fullword
        // literal string of the data sections of sample f889178ac8af9d9ec8ecb8347cd8b8f597baf3850347d40701ad4e5653a3dcff (in 6 target sample(s); also in 5 more)
        $s23 = "valfilter(predicate, d, factory=dict)" ascii wide fullword
        // literal string of the data sections of sample f889178ac8af9d9ec8ecb8347cd8b8f597baf3850347d40701ad4e5653a3dcff (in 6 target sample(s); also in 5 more)
        $s24 = "valfilter (line 266)" ascii wide fullword
        // literal string of the data sections of sample f889178ac8af9d9ec8ecb8347cd8b8f597baf3850347d40701ad4e5653a3dcff (in 6 target sample(s); also in 5 more)
        $s25 = "update_in(d, keys, func, default=None, factory=dict)" ascii wide fullword
        // literal string of the data sections of sample f889178ac8af9d9ec8ecb8347cd8b8f597baf3850347d40701ad4e5653a3dcff (in 6 target sample(s); also in 5 more)
        $s26 = "update_in (line 464)" ascii wide fullword
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
        date = "2026-11-26"
    strings:
        // literal string of the data sections of sample e6c91b61bed80e978356675bd8d138938981126f7df9cff6b2bc8d2a9f828397 (in 4 target sample(s); also in 3 more)
        $s0 = "Return an updated CRC32C checksum." ascii wide fullword
        // literal string of the data sections of sample e6c91b61bed80e978356675bd8d138938981126f7df9cff6b2bc8d2a9f828397 (in 4 target sample(s); also in 3 more)
        $s1 = "Return an initial CRC32C checksum." ascii wide fullword
        // literal string of the data sections of sample efe5efa935708ba28481d6f094afcc7235c005eb55d09f6a68ffefb5c4dd6900 (in 2 target sample(s); also in 1 more)
        $s2 = "crc32c_value" ascii wide fullword
        // literal string of the data sections of sample efe5efa935708ba28481d6f094afcc7235c005eb55d09f6a68ffefb5c4dd6900 (in 2 target sample(s); also in 1 more)
        $s3 = "crc32c_extend" ascii wide fullword
        // literal string of the data sections of sample efe5efa935708ba28481d6f094afcc7235c005eb55d09f6a68ffefb5c4dd6900 (in 2 target sample(s); also in 1 more)
        $s4 = "crc32c.dll" ascii wide fullword
        // literal string of the data sections of sample efe5efa935708ba28481d6f094afcc7235c005eb55d09f6a68ffefb5c4dd6900 (in 2 target sample(s); also in 1 more)
        $s5 = "?ExtendSse42@crc32c@@YAIIPEBE_K@Z" ascii wide fullword
        // literal string of the data sections of sample efe5efa935708ba28481d6f094afcc7235c005eb55d09f6a68ffefb5c4dd6900 (in 2 target sample(s); also in 1 more)
        $s6 = "?ExtendPortable@crc32c@@YAIIPEBE_K@Z" ascii wide fullword
        // literal string of the data sections of sample efe5efa935708ba28481d6f094afcc7235c005eb55d09f6a68ffefb5c4dd6900 (in 2 target sample(s); also in 1 more)
        $s7 = "?Extend@crc32c@@YAIIPEBE_K@Z" ascii wide fullword
        // literal string of the data sections of sample f4ec42f091f47df126d8c9bc62771aefc7f21f1a9c9b8ef0c38598546007ddbd (in 2 target sample(s); also in 1 more)
        $s8 = "google_crc32c._crc32c_cffi" ascii wide fullword
        // literal string of the data sections of sample 3df7fc486f03a68d4b50f440d9d0225893bcaeb3e3bec49b3d845cdd4ec4c7d3 (in 1 target sample(s))
        $s9 = "_crc32c.cp310-win_amd64.pyd" ascii wide fullword
        // literal string of the data sections of sample 58ccd7441853253dc5c813731c765980c0ac38fabf1b8f8c70638a4e411db683 (in 1 target sample(s))
        $s10 = "PyInit__crc32c_cffi" ascii wide fullword
        // literal string of the data sections of sample 58ccd7441853253dc5c813731c765980c0ac38fabf1b8f8c70638a4e411db683 (in 1 target sample(s))
        $s11 = "_crc32c_cffi.pyd" ascii wide fullword
        // literal string of the data sections of sample ef281d861d98357830df228e81ec8a51c24d5c39430cbe91549ee98cb23903a6 (in 1 target sample(s))
        $s12 = "C:\\tmpfs\\src\\github\\python-crc32c\\google_crc32c\\build\\RelWithDebInfo\\crc32c.pdb" ascii wide fullword
        // literal string of the data sections of sample efe5efa935708ba28481d6f094afcc7235c005eb55d09f6a68ffefb5c4dd6900 (in 1 target sample(s))
        $s13 = "D:\\a\\python-crc32c\\python-crc32c\\google_crc32c\\build\\RelWithDebInfo\\crc32c.pdb" ascii wide fullword
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
        date = "2026-11-26"
    strings:
        // literal string of the data sections of sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e (in 12 target sample(s); also in 11 more)
        $s0 = "HttpParserInvalidURLError" ascii wide fullword
        // literal string of the data sections of sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e (in 6 target sample(s); also in 5 more)
        $s1 = "invalid headers state" ascii wide fullword
        // literal string of the data sections of sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e (in 6 target sample(s); also in 5 more)
        $s2 = "init httptools.parser.parser" ascii wide fullword
        // literal string of the data sections of sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e (in 6 target sample(s); also in 5 more)
        $s3 = "httptools/parser/parser.c" ascii wide fullword
        // literal string of the data sections of sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e (in 6 target sample(s); also in 5 more)
        $s4 = "httptools.parser.parser.parser_error_from_errno" ascii wide fullword
        // literal string of the data sections of sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e (in 6 target sample(s); also in 5 more)
        $s5 = "httptools.parser.parser.cb_on_url" ascii wide fullword
        // literal string of the data sections of sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e (in 6 target sample(s); also in 5 more)
        $s6 = "httptools.parser.parser.cb_on_status" ascii wide fullword
        // literal string of the data sections of sample 844676340c2e0855701779b64811b8836a5eee5244fda54761af8d03bb9f4a2e (in 6 target sample(s); also in 5 more)
        $s7 = "httptools.parser.parser.cb_on_message_complete" ascii wide fullword
        // literal string of the data sections of sample 9b3e41f8b07e69766aa6f996b029d8e81daa9e8e5762cd12e566c8adac35ea23 (in 6 target sample(s); also in 5 more)
        $s8 = "init httptools.parser.url_parser" ascii wide fullword
        // literal string of the data sections of sample 9b3e41f8b07e69766aa6f996b029d8e81daa9e8e5762cd12e566c8adac35ea23 (in 6 target sample(s); also in 5 more)
        $s9 = "httptools/parser/url_parser.c" ascii wide fullword
        // literal string of the data sections of sample 9b3e41f8b07e69766aa6f996b029d8e81daa9e8e5762cd12e566c8adac35ea23 (in 6 target sample(s); also in 5 more)
        $s10 = "httptools.parser.url_parser.parse_url" ascii wide fullword
        // literal string of the data sections of sample 9b3e41f8b07e69766aa6f996b029d8e81daa9e8e5762cd12e566c8adac35ea23 (in 6 target sample(s); also in 5 more)
        $s11 = "httptools.parser.url_parser.URL.__setstate_cython__" ascii wide fullword
        // literal string of the data sections of sample 9b3e41f8b07e69766aa6f996b029d8e81daa9e8e5762cd12e566c8adac35ea23 (in 6 target sample(s); also in 5 more)
        $s12 = "httptools.parser.url_parser.URL.__repr__" ascii wide fullword
        // literal string of the data sections of sample 9b3e41f8b07e69766aa6f996b029d8e81daa9e8e5762cd12e566c8adac35ea23 (in 6 target sample(s); also in 5 more)
        $s13 = "httptools.parser.url_parser.URL.__reduce_cython__" ascii wide fullword
        // literal string of the data sections of sample 9b3e41f8b07e69766aa6f996b029d8e81daa9e8e5762cd12e566c8adac35ea23 (in 6 target sample(s); also in 5 more)
        $s14 = "httptools.parser.url_parser.URL.__cinit__" ascii wide fullword
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
        date = "2026-11-26"
    strings:
        // sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9: 40 code bytes at 0x1cde0 in the function at 0x1cde0 (63 instructions, in 4 target sample(s); also in 3 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 49 89 F2 49 89 F9 48 8D 47 03 31 D2 48 8D B7 7B 04 00 00 0F 1F 44 00 00 0F B6 08 39 CA 0F 4C D1 48 83 C0 04 48 39 F0 75 }
        // sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9: 45 code bytes at 0x1ce09 in the function at 0x1cde0 (63 instructions, in 4 target sample(s); also in 3 more); 1 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 41 0F B6 B9 07 04 00 00 B8 02 01 00 00 41 B8 08 01 00 00 31 F6 66 90 41 0F B6 4C 81 03 01 F1 39 CF 0F 4C F9 41 39 C0 74 ?? 48 83 C0 01 }
        // sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9: 48 code bytes at 0x1ce36 in the function at 0x1cde0 (63 instructions, in 4 target sample(s); also in 3 more); 1 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 48 3D 1D 01 00 00 75 ?? 41 0F B6 72 03 B8 01 00 00 00 41 B9 03 00 00 00 45 31 C0 0F 1F 80 00 00 00 00 41 0F B6 4C 82 03 44 01 C1 39 CE 0F 4C F1 }
        // sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9: 31 code bytes at 0x1ce88 in the function at 0x1cde0 (63 instructions, in 4 target sample(s); also in 3 more); 1 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 48 83 C0 01 41 83 C1 02 41 83 C0 01 48 83 F8 1E 75 ?? 01 FA 31 C0 01 D6 83 FE 38 0F 9F C0 C3 }
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 12 target sample(s); also in 11 more)
        $s4 = "Unsufficient memory for buffer allocation" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 12 target sample(s); also in 11 more)
        $s5 = "ISAL_DEFAULT_COMPRESSION" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 12 target sample(s); also in 11 more)
        $s6 = "ISAL_BEST_SPEED" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 12 target sample(s); also in 11 more)
        $s7 = "ISAL_BEST_COMPRESSION" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 10 target sample(s); also in 9 more)
        $s8 = "Unknown Error" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 10 target sample(s); also in 9 more)
        $s9 = "Not enough room in output buffer" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 10 target sample(s); also in 9 more)
        $s10 = "Level buffer too small." ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 10 target sample(s); also in 9 more)
        $s11 = "Invalid state" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 8 target sample(s); also in 7 more)
        $s12 = "isal.igzip_lib" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 8 target sample(s); also in 7 more)
        $s13 = "MAX_HIST_BITS" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 6 target sample(s); also in 5 more)
        $s14 = "MEM_LEVEL_SMALL" ascii wide fullword
        // literal string of the data sections of sample f8a06d9f5bde9636361a3d9b9522342933a0f15c85bcc5809cf601d27c24b4a9 (in 6 target sample(s); also in 5 more)
        $s15 = "MEM_LEVEL_MIN" ascii wide fullword
        // literal string of the data sections of sample ac196cd76ad167bb776fcad3fbb957e82728b9f2592b02c805d0052457b4a860 (in 5 target sample(s); also in 4 more)
        $s16 = "ISAL_VERSION" ascii wide fullword
        // literal string of the data sections of sample ac196cd76ad167bb776fcad3fbb957e82728b9f2592b02c805d0052457b4a860 (in 5 target sample(s); also in 4 more)
        $s17 = "ISAL_PATCH_VERSION" ascii wide fullword
        // literal string of the data sections of sample ac196cd76ad167bb776fcad3fbb957e82728b9f2592b02c805d0052457b4a860 (in 5 target sample(s); also in 4 more)
        $s18 = "ISAL_MINOR_VERSION" ascii wide fullword
        // literal string of the data sections of sample ac196cd76ad167bb776fcad3fbb957e82728b9f2592b02c805d0052457b4a860 (in 5 target sample(s); also in 4 more)
        $s19 = "ISAL_MAJOR_VERSION" ascii wide fullword
        // literal string of the data sections of sample c98742a0ccf7c52bd4168e147da20fa2ccec7752d858337d5bcf2bf162e8f856 (in 2 target sample(s); also in 1 more)
        $s20 = "PyInit__isal" ascii wide fullword
        // literal string of the data sections of sample 97c6823fdcbfecbb53ab83d62cb1ee583845408b83fd620cbd42398bef67d363 (in 1 target sample(s))
        $s21 = "_isal.cp311-win_amd64.pyd" ascii wide fullword
        // literal string of the data sections of sample ac196cd76ad167bb776fcad3fbb957e82728b9f2592b02c805d0052457b4a860 (in 1 target sample(s))
        $s22 = "src/isal/_isal.pyx" ascii wide fullword
        // literal string of the data sections of sample ac196cd76ad167bb776fcad3fbb957e82728b9f2592b02c805d0052457b4a860 (in 1 target sample(s))
        $s23 = "src/isal/_isal.c" ascii wide fullword
        // literal string of the data sections of sample ac196cd76ad167bb776fcad3fbb957e82728b9f2592b02c805d0052457b4a860 (in 1 target sample(s))
        $s24 = "init isal._isal" ascii wide fullword
        // literal string of the data sections of sample c98742a0ccf7c52bd4168e147da20fa2ccec7752d858337d5bcf2bf162e8f856 (in 1 target sample(s))
        $s25 = "_isal.cp310-win_amd64.pyd" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them and (1 of ($s*) or 3 of ($f*))
}

rule codekin_lupa
{
    meta:
        author = "codekin 0.1.0"
        family = "lupa"
        samples = 14
        description = "code found in samples of lupa and in no other indexed family, library or goodware"
        date = "2026-11-26"
    strings:
        // sample b20a008afb8e353abf68403c7d2de367dfa43cc6823887f0d9c9d5aae6f63ac4: 46 code bytes at 0x180058945 in the function at 0x180058860 (154 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 4D 33 D8 49 33 CB 49 C1 C8 13 4C 33 C2 48 8B C2 48 33 D1 48 C1 E0 11 48 33 C1 4D 33 D8 49 33 C3 49 C1 C8 13 4C 33 C2 48 8B CA 48 C1 E1 11 }
        // sample b20a008afb8e353abf68403c7d2de367dfa43cc6823887f0d9c9d5aae6f63ac4: 48 code bytes at 0x180058973 in the function at 0x180058860 (154 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 4D 33 D8 48 33 C8 49 C1 C8 13 48 33 D0 49 33 CB 4C 33 C2 48 8B C2 48 33 D1 48 C1 E0 11 48 33 C1 4D 33 D8 49 33 C3 49 C1 C8 13 4C 33 C2 48 8B CA }
        // sample b20a008afb8e353abf68403c7d2de367dfa43cc6823887f0d9c9d5aae6f63ac4: 48 code bytes at 0x1800589d1 in the function at 0x180058860 (154 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 4C 33 C2 48 8B CA 48 33 D0 48 C1 E1 11 48 33 C8 4D 33 D8 49 33 CB 49 C1 C8 13 4C 33 C2 48 8B C2 48 C1 E0 11 48 33 D1 48 33 C1 4D 33 D8 49 33 C3 }
        // sample b20a008afb8e353abf68403c7d2de367dfa43cc6823887f0d9c9d5aae6f63ac4: 47 code bytes at 0x180058a01 in the function at 0x180058860 (154 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 49 C1 C8 13 4C 33 C2 48 8B CA 48 33 D0 48 C1 E1 11 48 33 C8 4D 33 D8 49 C1 C8 13 49 33 CB 4C 33 C2 49 8B C0 49 C1 C8 13 4C 89 43 18 49 33 C3 }
        // sample 93a89e09bbbc4ae5b92aa886d4e51ae1528193d5f41888a791c680f31f64cfda: 48 code bytes at 0xa9490 in the function at 0xa9490 (45 instructions, in 2 target sample(s); also in 1 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 48 8B 17 48 8B 4F 08 48 BE 00 00 00 00 FC FF FF FF 48 89 D0 48 C1 E0 1F 48 31 D0 48 C1 E2 12 48 81 E2 00 00 F8 FF 48 C1 E8 2D 48 31 D0 48 89 CA }
        // sample 93a89e09bbbc4ae5b92aa886d4e51ae1528193d5f41888a791c680f31f64cfda: 45 code bytes at 0xa94c0 in the function at 0xa9490 (45 instructions, in 2 target sample(s); also in 1 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { 48 C1 E2 13 48 89 07 48 31 CA 48 C1 E1 1C 48 21 F1 48 C1 EA 1E 48 31 CA 48 8B 4F 10 48 31 D0 48 89 57 08 48 89 CA 48 C1 E2 18 48 31 CA }
        // sample 93a89e09bbbc4ae5b92aa886d4e51ae1528193d5f41888a791c680f31f64cfda: 43 code bytes at 0xa94ed in the function at 0xa9490 (45 instructions, in 2 target sample(s); also in 1 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 48 C1 E1 07 66 31 C9 48 C1 EA 30 48 31 CA 48 8B 4F 18 48 31 D0 48 89 57 10 48 89 CA 48 C1 E2 15 48 31 CA 48 C1 E1 08 48 C1 EA 27 }
        // sample 93a89e09bbbc4ae5b92aa886d4e51ae1528193d5f41888a791c680f31f64cfda: 44 code bytes at 0xa9518 in the function at 0xa9490 (45 instructions, in 2 target sample(s); also in 1 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 48 81 E1 00 00 00 FE 48 31 CA 48 31 D0 48 89 57 18 48 BA FF FF FF FF FF FF 0F 00 48 21 D0 48 BA 00 00 00 00 00 00 F0 3F 48 09 D0 C3 }
        // literal string of the data sections of sample e265b3a2e4ca721cb62dae769010c888b8b1a8e5dc5312cd6ec71a13aece4684 (in 14 target sample(s); also in 13 more)
        $s8 = "unpacks_lua_table_method.<locals>.wrapper" ascii wide fullword
        // literal string of the data sections of sample e265b3a2e4ca721cb62dae769010c888b8b1a8e5dc5312cd6ec71a13aece4684 (in 14 target sample(s); also in 13 more)
        $s9 = "unpacks_lua_table_method(meth)" ascii wide fullword
        // literal string of the data sections of sample e265b3a2e4ca721cb62dae769010c888b8b1a8e5dc5312cd6ec71a13aece4684 (in 14 target sample(s); also in 13 more)
        $s10 = "unpacks_lua_table.<locals>.wrapper" ascii wide fullword
        // literal string of the data sections of sample e265b3a2e4ca721cb62dae769010c888b8b1a8e5dc5312cd6ec71a13aece4684 (in 14 target sample(s); also in 13 more)
        $s11 = "unpacks_lua_table(func)" ascii wide fullword
        // literal string of the data sections of sample e265b3a2e4ca721cb62dae769010c888b8b1a8e5dc5312cd6ec71a13aece4684 (in 14 target sample(s); also in 13 more)
        $s12 = "require is not defined" ascii wide fullword
        // literal string of the data sections of sample e265b3a2e4ca721cb62dae769010c888b8b1a8e5dc5312cd6ec71a13aece4684 (in 14 target sample(s); also in 13 more)
        $s13 = "not a python object" ascii wide fullword
        // literal string of the data sections of sample e265b3a2e4ca721cb62dae769010c888b8b1a8e5dc5312cd6ec71a13aece4684 (in 14 target sample(s); also in 13 more)
        $s14 = "name conflict for module '%s'" ascii wide fullword
        // literal string of the data sections of sample e265b3a2e4ca721cb62dae769010c888b8b1a8e5dc5312cd6ec71a13aece4684 (in 14 target sample(s); also in 13 more)
        $s15 = "modulename must be a string" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them and (1 of ($s*) or 3 of ($f*))
}

rule codekin_multidict
{
    meta:
        author = "codekin 0.1.0"
        family = "multidict"
        samples = 6
        description = "code found in samples of multidict and in no other indexed family, library or goodware"
        date = "2026-11-26"
    strings:
        // literal string of the data sections of sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70 (in 6 target sample(s); also in 5 more)
        $s0 = "other argument must be a mapping, not %s" ascii wide fullword
        // literal string of the data sections of sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70 (in 6 target sample(s); also in 5 more)
        $s1 = "multidict._multidict_base" ascii wide fullword
        // literal string of the data sections of sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70 (in 6 target sample(s); also in 5 more)
        $s2 = "multidict._multidict.istr" ascii wide fullword
        // literal string of the data sections of sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70 (in 6 target sample(s); also in 5 more)
        $s3 = "multidict._multidict._valuesiter" ascii wide fullword
        // literal string of the data sections of sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70 (in 6 target sample(s); also in 5 more)
        $s4 = "multidict._multidict._keysiter" ascii wide fullword
        // literal string of the data sections of sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70 (in 6 target sample(s); also in 5 more)
        $s5 = "multidict._multidict._itemsiter" ascii wide fullword
        // literal string of the data sections of sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70 (in 6 target sample(s); also in 5 more)
        $s6 = "multidict._multidict._ValuesView" ascii wide fullword
        // literal string of the data sections of sample ce68cbc67fc7a64f0531adc6855e57fac6c52bd376461e0d9f064e3772ee6a70 (in 6 target sample(s); also in 5 more)
        $s7 = "multidict._multidict._KeysView" ascii wide fullword
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
        date = "2026-11-26"
    strings:
        // sample a62b1c8faf951a5196ea5ca79460f5e7a4053789981a77afe41f9839aca985a0: 39 code bytes at 0x19cb0 in the function at 0x19cb0 (13 instructions, in 2 target sample(s)); 12 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { F2 0F 10 05 ?? ?? ?? ?? F2 0F 10 0D ?? ?? ?? ?? 0F 16 C8 48 B9 77 13 D0 38 E6 21 28 45 48 33 0D ?? ?? ?? ?? 0F 57 0D }
        // sample a62b1c8faf951a5196ea5ca79460f5e7a4053789981a77afe41f9839aca985a0: 32 code bytes at 0x19cdb in the function at 0x19cb0 (13 instructions, in 2 target sample(s)); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 48 BA 17 09 47 B5 B5 D5 84 3F 48 33 15 ?? ?? ?? ?? 48 89 F8 48 89 0F 0F 11 4F 08 48 89 57 18 C3 }
        // sample 291732664f636d88d43e8e4e625182c3a12f6e5b6489be4120c552028eac782a: 48 code bytes at 0x180001e30 in the function at 0x180001e30 (126 instructions, in 1 target sample(s)); 13 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 56 48 81 FA E0 1F 00 00 73 ?? 45 31 D2 45 31 C0 E9 ?? ?? ?? ?? 48 8D 41 40 45 31 C0 C5 FD 6F 05 ?? ?? ?? ?? C5 FD 6F 0D ?? ?? ?? ?? C5 E9 EF D2 }
        // sample 291732664f636d88d43e8e4e625182c3a12f6e5b6489be4120c552028eac782a: 42 code bytes at 0x180001e8e in the function at 0x180001e30 (126 instructions, in 1 target sample(s)); 1 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { C5 FD DB 64 30 E0 C5 DD 64 E1 C5 E5 F8 DC C5 FD DB 24 30 C5 DD 64 E1 C5 E5 F8 DC 48 83 C6 60 81 FE E0 1F 00 00 75 ?? 4D 8D 91 }
        // sample 291732664f636d88d43e8e4e625182c3a12f6e5b6489be4120c552028eac782a: 47 code bytes at 0x180001ebc in the function at 0x180001e30 (126 instructions, in 1 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { C5 E5 F6 DA C4 E3 7D 39 DC 01 C5 E1 D4 DC C5 F9 70 E3 EE C5 E1 D4 DC C4 E1 F9 7E DE 49 01 F0 49 81 C1 C0 3F 00 00 48 05 E0 1F 00 00 49 39 D1 }
        // sample 291732664f636d88d43e8e4e625182c3a12f6e5b6489be4120c552028eac782a: 47 code bytes at 0x180001f17 in the function at 0x180001e30 (126 instructions, in 1 target sample(s)); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { C5 FD 6F 15 ?? ?? ?? ?? 90 C5 F5 DB 5C 30 E0 C5 E5 64 DA C5 FD F8 C3 C5 F5 DB 1C 30 C5 E5 64 DA C5 FD F8 C3 48 83 C6 40 81 FE 00 10 00 00 75 }
        // sample a62b1c8faf951a5196ea5ca79460f5e7a4053789981a77afe41f9839aca985a0: 48 code bytes at 0xb13c in the function at 0xb0e0 (135 instructions, in 1 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 66 44 0F 68 E4 66 41 0F 6F C4 66 0F 61 C4 66 0F 7F 44 24 D8 66 0F 6A C4 66 0F 6F F5 66 0F 68 F4 66 0F 6F DE 66 0F 61 DC 66 0F 6F CB 66 0F 6A CC }
        // sample a62b1c8faf951a5196ea5ca79460f5e7a4053789981a77afe41f9839aca985a0: 48 code bytes at 0xb223 in the function at 0xb0e0 (135 instructions, in 1 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { 66 44 0F 6A EC 66 0F 69 F4 66 44 0F 6F F6 66 44 0F 6A F4 66 45 0F D4 F5 66 44 0F D4 F1 66 44 0F 6F 6C 24 98 66 44 0F 69 EC 66 44 0F 7F 6C 24 98 }
        // sample c32875615982561a479278140ce3fe8d3acfa98eca57cd5cd59111ecfc3c8bfe: 47 code bytes at 0xd260 in the function at 0xd260 (12 instructions, in 1 target sample(s)); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f8 = { 66 0F EF E4 66 0F F6 DC 66 0F F6 CC 66 0F D4 CB 66 0F F6 D4 66 0F F6 C4 66 0F D4 C2 66 0F D4 C1 66 0F 70 C8 EE 66 0F D4 C8 66 48 0F 7E C8 C3 }
        // literal string of the data sections of sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32 (in 6 target sample(s); also in 5 more)
        $s9 = "orjson.JSONDecodeError" ascii wide fullword
        // literal string of the data sections of sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32 (in 6 target sample(s); also in 5 more)
        $s10 = "loads(obj, /)" ascii wide fullword
        // literal string of the data sections of sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32 (in 6 target sample(s); also in 5 more)
        $s11 = "dumps(obj, /, default=None, option=None)" ascii wide fullword
        // literal string of the data sections of sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32 (in 6 target sample(s); also in 5 more)
        $s12 = "_field_type" ascii wide fullword
        // literal string of the data sections of sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32 (in 6 target sample(s); also in 5 more)
        $s13 = "__dataclass_fields__" ascii wide fullword
        // literal string of the data sections of sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32 (in 6 target sample(s); also in 5 more)
        $s14 = "__array_struct__" ascii wide fullword
        // literal string of the data sections of sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32 (in 6 target sample(s); also in 5 more)
        $s15 = "Serialize Python objects to JSON." ascii wide fullword
        // literal string of the data sections of sample 83176aa35d3be6e43d83b7e6179b11c3b0b7b753e4519b980fa9088756618d32 (in 6 target sample(s); also in 5 more)
        $s16 = "OPT_STRICT_INTEGER" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them and (1 of ($s*) or 3 of ($f*))
}

rule codekin_pybcj
{
    meta:
        author = "codekin 0.1.0"
        family = "pybcj"
        samples = 6
        description = "code found in samples of pybcj and in no other indexed family, library or goodware"
        date = "2026-11-26"
    strings:
        // literal string of the data sections of sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625 (in 6 target sample(s); also in 5 more)
        $s0 = "y*:SparcEncoder.encode" ascii wide fullword
        // literal string of the data sections of sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625 (in 6 target sample(s); also in 5 more)
        $s1 = "y*:SparcDecoder.decode" ascii wide fullword
        // literal string of the data sections of sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625 (in 6 target sample(s); also in 5 more)
        $s2 = "y*:PPCEncoder.encode" ascii wide fullword
        // literal string of the data sections of sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625 (in 6 target sample(s); also in 5 more)
        $s3 = "y*:PPCDecoder.decode" ascii wide fullword
        // literal string of the data sections of sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625 (in 6 target sample(s); also in 5 more)
        $s4 = "y*:IA64Encoder.encode" ascii wide fullword
        // literal string of the data sections of sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625 (in 6 target sample(s); also in 5 more)
        $s5 = "y*:IA64Decoder.decode" ascii wide fullword
        // literal string of the data sections of sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625 (in 6 target sample(s); also in 5 more)
        $s6 = "y*:BCJEncoder.encode" ascii wide fullword
        // literal string of the data sections of sample e088972aaf21afdb6d2e31c47d80db281b628bc5983271a4e45c05b516e4e625 (in 6 target sample(s); also in 5 more)
        $s7 = "y*:BCJDecoder.decode" ascii wide fullword
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
        date = "2026-11-26"
    strings:
        // sample aa0f5205b86bd0152e966b09647fd1391355599330bbcdc3d223999f902b4621: 41 code bytes at 0x1d24e in the function at 0x1d220 (82 instructions, in 2 target sample(s); also in 1 more); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 66 48 0F 6E D0 0F 29 44 24 88 66 48 0F 6E C1 48 8D 05 ?? ?? ?? ?? 48 8D 35 ?? ?? ?? ?? 66 0F 6C C2 66 48 0F 6E D8 48 8D 15 }
        // sample aa0f5205b86bd0152e966b09647fd1391355599330bbcdc3d223999f902b4621: 41 code bytes at 0x1d2d5 in the function at 0x1d220 (82 instructions, in 2 target sample(s); also in 1 more); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 66 48 0F 6E F0 48 8D 05 ?? ?? ?? ?? 66 0F 6C C5 66 48 0F 6E F8 48 8D 0D ?? ?? ?? ?? 0F 29 44 24 C8 66 48 0F 6E C6 48 8D 05 }
        // sample aa0f5205b86bd0152e966b09647fd1391355599330bbcdc3d223999f902b4621: 48 code bytes at 0x1d35b in the function at 0x1d220 (82 instructions, in 2 target sample(s); also in 1 more); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 0F 29 44 24 F8 66 48 0F 6E C6 66 48 0F 6E E0 48 8D 35 ?? ?? ?? ?? 66 0F 6C C2 48 8D 05 ?? ?? ?? ?? 0F 29 44 24 08 66 48 0F 6E C2 66 48 0F 6E E8 }
        // sample aa0f5205b86bd0152e966b09647fd1391355599330bbcdc3d223999f902b4621: 47 code bytes at 0x1d38b in the function at 0x1d220 (82 instructions, in 2 target sample(s); also in 1 more); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 48 8D 05 ?? ?? ?? ?? 66 0F 6C C3 48 89 44 24 48 48 8D 05 ?? ?? ?? ?? 0F 29 44 24 18 66 48 0F 6E C1 66 0F 6C C4 0F 29 44 24 28 66 48 0F 6E C6 }
        // sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7: 45 code bytes at 0x1ca4b in the function at 0x1c990 (94 instructions, in 1 target sample(s)); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f4 = { 48 89 4C 24 90 48 8D 0D ?? ?? ?? ?? 0F 29 44 24 C8 F3 0F 7E 44 24 90 48 89 44 24 90 48 8D 05 ?? ?? ?? ?? 0F 16 44 24 90 48 89 74 24 90 }
        // sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7: 46 code bytes at 0x1cad4 in the function at 0x1c990 (94 instructions, in 1 target sample(s)); 8 bytes wildcarded (addresses, relocations, relative offsets)
        $f5 = { F3 0F 7E 44 24 90 48 89 44 24 90 48 8D 05 ?? ?? ?? ?? 0F 16 44 24 90 48 89 74 24 90 48 8D 35 ?? ?? ?? ?? 0F 29 44 24 08 F3 0F 7E 44 24 90 }
        // sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7: 48 code bytes at 0x1cb2f in the function at 0x1c990 (94 instructions, in 1 target sample(s)); 4 bytes wildcarded (addresses, relocations, relative offsets)
        $f6 = { 0F 16 44 24 90 48 89 4C 24 90 0F 29 44 24 28 F3 0F 7E 44 24 90 48 89 44 24 90 48 8D 05 ?? ?? ?? ?? 0F 16 44 24 90 48 89 74 24 90 0F 29 44 24 38 }
        // sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7: 48 code bytes at 0x1cb5f in the function at 0x1c990 (94 instructions, in 1 target sample(s)); 9 bytes wildcarded (addresses, relocations, relative offsets)
        $f7 = { F3 0F 7E 44 24 90 48 89 44 24 90 48 8D 05 ?? ?? ?? ?? 48 89 44 24 58 48 8D 05 ?? ?? ?? ?? 0F 16 44 24 90 0F 29 44 24 48 83 FF 18 77 ?? 48 63 FF }
        // literal string of the data sections of sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7 (in 6 target sample(s); also in 5 more)
        $s8 = "socket_send_buffer_size" ascii wide fullword
        // literal string of the data sections of sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7 (in 6 target sample(s); also in 5 more)
        $s9 = "socket_receive_buffer_size" ascii wide fullword
        // literal string of the data sections of sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7 (in 6 target sample(s); also in 5 more)
        $s10 = "sock_state_cb_data" ascii wide fullword
        // literal string of the data sections of sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7 (in 6 target sample(s); also in 5 more)
        $s11 = "sa_family_t" ascii wide fullword
        // literal string of the data sections of sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7 (in 6 target sample(s); also in 5 more)
        $s12 = "resolvconf_path" ascii wide fullword
        // literal string of the data sections of sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7 (in 6 target sample(s); also in 5 more)
        $s13 = "record_start" ascii wide fullword
        // literal string of the data sections of sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7 (in 6 target sample(s); also in 5 more)
        $s14 = "hostmaster" ascii wide fullword
        // literal string of the data sections of sample f4e3e1b414c89778c5a92f410e4562b6c3b06c722d736ec3b3eb5ba8d94bbba7 (in 6 target sample(s); also in 5 more)
        $s15 = "h_length_t" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them and (1 of ($s*) or 3 of ($f*))
}

rule codekin_pyppmd
{
    meta:
        author = "codekin 0.1.0"
        family = "pyppmd"
        samples = 6
        description = "code found in samples of pyppmd and in no other indexed family, library or goodware"
        date = "2026-11-26"
    strings:
        // sample 50f405557a0464f7bc57c1676dd93a79cd0e8b71b2c12ddbfcd4302de7497e52: 48 code bytes at 0x1800040ee in the function at 0x1800040c0 (122 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f0 = { 0F B6 81 A2 00 00 00 0F AF 81 48 02 00 00 03 D0 0F B6 81 A1 00 00 00 0F AF 81 44 02 00 00 03 D0 0F B6 81 A0 00 00 00 0F AF 81 40 02 00 00 03 D0 }
        // sample 50f405557a0464f7bc57c1676dd93a79cd0e8b71b2c12ddbfcd4302de7497e52: 48 code bytes at 0x18000411e in the function at 0x1800040c0 (122 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f1 = { 0F B6 81 9F 00 00 00 0F AF 81 3C 02 00 00 03 D0 0F B6 81 9E 00 00 00 0F AF 81 38 02 00 00 03 D0 0F B6 81 9D 00 00 00 0F AF 81 34 02 00 00 03 D0 }
        // sample 50f405557a0464f7bc57c1676dd93a79cd0e8b71b2c12ddbfcd4302de7497e52: 48 code bytes at 0x18000414e in the function at 0x1800040c0 (122 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f2 = { 0F B6 81 9C 00 00 00 0F AF 81 30 02 00 00 03 D0 0F B6 81 9B 00 00 00 0F AF 81 2C 02 00 00 03 D0 0F B6 81 9A 00 00 00 0F AF 81 28 02 00 00 03 D0 }
        // sample 50f405557a0464f7bc57c1676dd93a79cd0e8b71b2c12ddbfcd4302de7497e52: 48 code bytes at 0x18000417e in the function at 0x1800040c0 (122 instructions, in 3 target sample(s); also in 2 more); 0 bytes wildcarded (addresses, relocations, relative offsets)
        $f3 = { 0F B6 81 99 00 00 00 0F AF 81 24 02 00 00 03 D0 0F B6 81 98 00 00 00 0F AF 81 20 02 00 00 03 D0 0F B6 81 97 00 00 00 0F AF 81 1C 02 00 00 03 D0 }
        // literal string of the data sections of sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8 (in 6 target sample(s); also in 5 more)
        $s4 = "y*|i:Ppmd8Decoder.decode" ascii wide fullword
        // literal string of the data sections of sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8 (in 6 target sample(s); also in 5 more)
        $s5 = "y*i:Ppmd7Decoder.decode" ascii wide fullword
        // literal string of the data sections of sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8 (in 6 target sample(s); also in 5 more)
        $s6 = "y*:Ppmd8Encoder.encode" ascii wide fullword
        // literal string of the data sections of sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8 (in 6 target sample(s); also in 5 more)
        $s7 = "y*:Ppmd7Encoder.encode" ascii wide fullword
        // literal string of the data sections of sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8 (in 6 target sample(s); also in 5 more)
        $s8 = "mem_size:  max memory size in bytes the compressor is able to use, bigger values improve compression," ascii wide fullword
        // literal string of the data sections of sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8 (in 6 target sample(s); also in 5 more)
        $s9 = "max_order: max order for the PPM modelling ranging from 2 to 64, higher values produce better compression ratios but are slower." ascii wide fullword
        // literal string of the data sections of sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8 (in 6 target sample(s); also in 5 more)
        $s10 = "flush method is called twice." ascii wide fullword
        // literal string of the data sections of sample a41a427a93a541e08f256cd78f88c252a89f0fd3ba720a4fa55657e37654d9a8 (in 6 target sample(s); also in 5 more)
        $s11 = "_ppmd.Ppmd8Encoder" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them and (1 of ($s*) or 3 of ($f*))
}

rule codekin_python_rapidjson
{
    meta:
        author = "codekin 0.1.0"
        family = "python-rapidjson"
        samples = 6
        description = "code found in samples of python-rapidjson and in no other indexed family, library or goodware"
        date = "2026-11-26"
    strings:
        // literal string of the data sections of sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3 (in 6 target sample(s); also in 5 more)
        $s0 = "|ppOpOOOOOOO:Encoder" ascii wide fullword
        // literal string of the data sections of sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3 (in 6 target sample(s); also in 5 more)
        $s1 = "|OOOO:Decoder" ascii wide fullword
        // literal string of the data sections of sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3 (in 6 target sample(s); also in 5 more)
        $s2 = "write_mode must be a non-negative int" ascii wide fullword
        // literal string of the data sections of sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3 (in 6 target sample(s); also in 5 more)
        $s3 = "whether the output should contain only ASCII characters." ascii wide fullword
        // literal string of the data sections of sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3 (in 6 target sample(s); also in 5 more)
        $s4 = "uuid_mode must be an integer value or None" ascii wide fullword
        // literal string of the data sections of sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3 (in 6 target sample(s); also in 5 more)
        $s5 = "uuid_mode must be a non-negative int" ascii wide fullword
        // literal string of the data sections of sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3 (in 6 target sample(s); also in 5 more)
        $s6 = "uniqueItems" ascii wide fullword
        // literal string of the data sections of sample 4584795604483b4100030591fb31f5df16f58dc5c115215e69a981cbeae895f3 (in 6 target sample(s); also in 5 more)
        $s7 = "string representing a serialized JSON object" ascii wide fullword
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
        date = "2026-11-26"
    strings:
        // literal string of the data sections of sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a (in 6 target sample(s); also in 5 more)
        $s0 = "wrapper has not been initialized" ascii wide fullword
        // literal string of the data sections of sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a (in 6 target sample(s); also in 5 more)
        $s1 = "partial type takes at least one argument" ascii wide fullword
        // literal string of the data sections of sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a (in 6 target sample(s); also in 5 more)
        $s2 = "object proxy must define __reduce_ex__()" ascii wide fullword
        // literal string of the data sections of sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a (in 6 target sample(s); also in 5 more)
        $s3 = "object proxy must define __deepcopy__()" ascii wide fullword
        // literal string of the data sections of sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a (in 6 target sample(s); also in 5 more)
        $s4 = "object proxy must define __copy__()" ascii wide fullword
        // literal string of the data sections of sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a (in 6 target sample(s); also in 5 more)
        $s5 = "_self_wrapper" ascii wide fullword
        // literal string of the data sections of sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a (in 6 target sample(s); also in 5 more)
        $s6 = "_self_parent" ascii wide fullword
        // literal string of the data sections of sample 638c566a4410e9a286d481128926df2596e79fe332769897a4e20d3111dd676a (in 6 target sample(s); also in 5 more)
        $s7 = "_self_instance" ascii wide fullword
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
        date = "2026-11-26"
    strings:
        // literal string of the data sections of sample b92963967226d3ea6a20d5eb6ba98ab81d4ec2649a5432c5340b714b4451a42d (in 6 target sample(s); also in 5 more)
        $s0 = "yarl._quoting_c._write_char" ascii wide fullword
        // literal string of the data sections of sample b92963967226d3ea6a20d5eb6ba98ab81d4ec2649a5432c5340b714b4451a42d (in 6 target sample(s); also in 5 more)
        $s1 = "yarl._quoting_c.__pyx_unpickle__Unquoter__set_state" ascii wide fullword
        // literal string of the data sections of sample b92963967226d3ea6a20d5eb6ba98ab81d4ec2649a5432c5340b714b4451a42d (in 6 target sample(s); also in 5 more)
        $s2 = "yarl._quoting_c.__pyx_unpickle__Quoter__set_state" ascii wide fullword
        // literal string of the data sections of sample b92963967226d3ea6a20d5eb6ba98ab81d4ec2649a5432c5340b714b4451a42d (in 6 target sample(s); also in 5 more)
        $s3 = "yarl._quoting_c._Unquoter._do_unquote" ascii wide fullword
        // literal string of the data sections of sample b92963967226d3ea6a20d5eb6ba98ab81d4ec2649a5432c5340b714b4451a42d (in 6 target sample(s); also in 5 more)
        $s4 = "yarl._quoting_c._Unquoter.__setstate_cython__" ascii wide fullword
        // literal string of the data sections of sample b92963967226d3ea6a20d5eb6ba98ab81d4ec2649a5432c5340b714b4451a42d (in 6 target sample(s); also in 5 more)
        $s5 = "yarl._quoting_c._Unquoter.__reduce_cython__" ascii wide fullword
        // literal string of the data sections of sample b92963967226d3ea6a20d5eb6ba98ab81d4ec2649a5432c5340b714b4451a42d (in 6 target sample(s); also in 5 more)
        $s6 = "yarl._quoting_c._Unquoter.__init__" ascii wide fullword
        // literal string of the data sections of sample b92963967226d3ea6a20d5eb6ba98ab81d4ec2649a5432c5340b714b4451a42d (in 6 target sample(s); also in 5 more)
        $s7 = "yarl._quoting_c._Unquoter.__call__" ascii wide fullword
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
        date = "2026-11-26"
    strings:
        // literal string of the data sections of sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854 (in 6 target sample(s); also in 5 more)
        $s0 = "|OO:InterfaceBase.__init__" ascii wide fullword
        // literal string of the data sections of sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854 (in 6 target sample(s); also in 5 more)
        $s1 = "zope.interface.declarations.Implements is not a type" ascii wide fullword
        // literal string of the data sections of sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854 (in 6 target sample(s); also in 5 more)
        $s2 = "isOrExtends" ascii wide fullword
        // literal string of the data sections of sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854 (in 6 target sample(s); also in 5 more)
        $s3 = "implementedByFallback" ascii wide fullword
        // literal string of the data sections of sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854 (in 6 target sample(s); also in 5 more)
        $s4 = "getObjectSpecification" ascii wide fullword
        // literal string of the data sections of sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854 (in 6 target sample(s); also in 5 more)
        $s5 = "adapter_hooks" ascii wide fullword
        // literal string of the data sections of sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854 (in 6 target sample(s); also in 5 more)
        $s6 = "_zope_interface_coptimizations.VerifyingBase" ascii wide fullword
        // literal string of the data sections of sample c8c42bd78a39c810027c41fcd71f8772d4e6be77286022e44ba46b5fa9d07854 (in 6 target sample(s); also in 5 more)
        $s7 = "_zope_interface_coptimizations.LookupBase" ascii wide fullword
    condition:
        (uint32(0) == 0x464C457F or uint16(0) == 0x5A4D) and 2 of them
}

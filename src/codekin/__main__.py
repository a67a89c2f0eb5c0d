from codekin.cli import main

raise SystemExit(main())

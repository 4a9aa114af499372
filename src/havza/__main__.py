from havza.cli import main

main()

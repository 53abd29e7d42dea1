from inspectparse.cli import main

main()

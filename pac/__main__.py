from pac.cli import main

main()

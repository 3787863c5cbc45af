from geo.entry import main

main()

/// Two small TSPLIB95 instances (Reinelt 1991) not shipped in the bench folder, for the ATT and GEO conventions.
///
/// Coordinates as published in TSPLIB95; the optimal tours are TSPLIB's `att48.opt.tour` and
/// `ulysses16.opt.tour`, whose lengths (10628 and 6859) are the optima listed in the shipped `tsplib/solutions`.
enum TSPLIBFixtures {
    /// att48: 48 US state capitals, `EDGE_WEIGHT_TYPE: ATT`.
    static let att48 = """
        NAME : att48
        TYPE : TSP
        DIMENSION : 48
        EDGE_WEIGHT_TYPE : ATT
        NODE_COORD_SECTION
        1 6734 1453
        2 2233 10
        3 5530 1424
        4 401 841
        5 3082 1644
        6 7608 4458
        7 7573 3716
        8 7265 1268
        9 6898 1885
        10 1112 2049
        11 5468 2606
        12 5989 2873
        13 4706 2674
        14 4612 2035
        15 6347 2683
        16 6107 669
        17 7611 5184
        18 7462 3590
        19 7732 4723
        20 5900 3561
        21 4483 3369
        22 6101 1110
        23 5199 2182
        24 1633 2809
        25 4307 2322
        26 675 1006
        27 7555 4819
        28 7541 3981
        29 3177 756
        30 7352 4506
        31 7545 2801
        32 3245 3305
        33 6426 3173
        34 4608 1198
        35 23 2216
        36 7248 3779
        37 7762 4595
        38 7392 2244
        39 3484 2829
        40 6271 2135
        41 4985 140
        42 1916 1569
        43 7280 4899
        44 7509 3239
        45 10 2676
        46 6807 2993
        47 5185 3258
        48 3023 1942
        EOF

        """

    /// The optimal att48 tour, city ids 1…48.
    static let att48OptimalTour = [
        1, 8, 38, 31, 44, 18, 7, 28, 6, 37, 19, 27, 17, 43, 30, 36, 46, 33, 20, 47, 21, 32, 39, 48,
        5, 42, 24, 10, 45, 35, 4, 26, 2, 29, 34, 41, 16, 22, 3, 23, 14, 25, 13, 11, 12, 15, 40, 9,
    ]

    /// ulysses16: the Odyssey of Ulysses, `EDGE_WEIGHT_TYPE: GEO` (latitude, longitude as DDD.MM).
    static let ulysses16 = """
        NAME: ulysses16
        TYPE: TSP
        DIMENSION: 16
        EDGE_WEIGHT_TYPE: GEO
        NODE_COORD_SECTION
        1 38.24 20.42
        2 39.57 26.15
        3 40.56 25.32
        4 36.26 23.12
        5 33.48 10.54
        6 37.56 12.19
        7 38.42 13.11
        8 37.52 20.44
        9 41.23 9.10
        10 41.17 13.05
        11 36.08 -5.21
        12 38.47 15.13
        13 38.15 15.35
        14 37.51 15.17
        15 35.49 14.32
        16 39.36 19.56
        EOF

        """

    /// The optimal ulysses16 tour, city ids 1…16.
    static let ulysses16OptimalTour = [1, 14, 13, 12, 7, 6, 15, 5, 11, 9, 10, 16, 3, 2, 4, 8]
}

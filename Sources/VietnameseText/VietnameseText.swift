/// Syllable model of Vietnamese.
public enum VietnameseTextModule {}

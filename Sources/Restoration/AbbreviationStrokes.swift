import VietnameseText

/// The stroke an English model drops from Đ in abbreviations ("QD-TTg", "HDND").
extension DocumentRestoration {
  /// Whether `text` has a run of two or more letters, all capitals: the only part of a
  /// word `restoreStrokes` rewrites. Read from the scalar table where every character is
  /// one scalar ("Bộ", "Dân" have none); any other text may.
  static func mayHoldAbbreviation(_ text: String) -> Bool {
    var run = 0
    var runUpper = true
    for scalar in text.unicodeScalars {
      guard let flags = SimpleScalars.flags(scalar.value) else { return true }
      if flags.contains(.letter) {
        run += 1
        runUpper = runUpper && flags.contains(.uppercase)
        if run >= 2 && runUpper { return true }
      } else {
        run = 0
        runUpper = true
      }
    }
    return false
  }

  /// Whether `text` has a D, B or P in a run of capitals: the words `restoreStrokes` may
  /// rewrite.
  static func mayHoldStroke(_ text: String) -> Bool {
    // Asked from the bytes first: a character D, B or P holds its byte.
    text.utf8.contains(where: {
      $0 == UInt8(ascii: "D") || $0 == UInt8(ascii: "B") || $0 == UInt8(ascii: "P")
    })
      && mayHoldAbbreviation(text)
      && text.contains(where: { $0 == "D" || $0 == "B" || $0 == "P" })
  }

  /// Puts the stroke back on D in abbreviations the training text writes with Đ
  /// ("QD-TTg" → "QĐ-TTg", "HDND" → "HĐND").
  func restoreStrokes(_ tokens: inout [[Token]], _ changes: inout [TokenChange]) {
    let forms = dictionary.dStrokeForms
    let strokeForms = Set(forms.values)
    // An English model reads a capital Đ as D, B or P ("QB-TTg", "NB-CP").
    func restored(_ segment: String) -> String {
      // Abbreviations carry no vowel marks: "BỘ" is a word, whatever the forms say.
      guard segment.allSatisfy(\.isASCII) else { return segment }
      if let form = forms[segment] { return form }
      guard !dictionary.acronyms.contains(segment) else { return segment }
      let letters = Array(segment)
      for (i, c) in letters.enumerated() where c == "B" || c == "P" {
        var variant = letters
        variant[i] = "Đ"
        if strokeForms.contains(String(variant)) { return String(variant) }
      }
      return segment
    }
    // Whether each distinct word may hold one, asked once per word: a word the decoder
    // changed is passed over below whatever its number says.
    let mayHold = words.texts.map(Self.mayHoldStroke)
    for l in tokens.indices {
      for t in tokens[l].indices where tokens[l][t].kind == .code || tokens[l][t].kind == .word {
        let number = words.numbers[l][t]
        if number >= 0 && !mayHold[Int(number)] { continue }
        let text = tokens[l][t].text
        // Words the decoder already restored are syllables, not abbreviations.
        // Asked from the bytes first: a character D, B or P holds its byte.
        guard Self.mayHoldStroke(text), text == lines[l][t].text else { continue }
        var output = ""
        var segment = ""
        func flush() {
          output +=
            segment.count >= 2 && segment.allSatisfy(\.isUppercase) ? restored(segment) : segment
          segment = ""
        }
        for c in text {
          if c.isLetter {
            segment.append(c)
          } else {
            flush()
            output.append(c)
          }
        }
        flush()
        if output != text {
          tokens[l][t].text = output
          changes.append(TokenChange(line: l, original: text, replacement: output, confidence: 0.9))
        }
      }
    }
  }
}

/// Copies of themes/dark.yaml and themes/monochrome.yaml compiled into the binary, so opsdeck
/// always has a theme even when no themes directory is found. Tests check they match the files.
enum EmbeddedThemes {
    static let dark = #"""
# opsdeck dark theme (the default). Colours: names (red, brightBlue), 0-255 palette indexes,
# "#rrggbb", or "default" (the terminal's own colour). Roles refer to palette names or colours.
name: dark
palette:
  fg: default
  bg: default
  gray: "244"
  accent: "#5fafff"
  panel: "236"
  green: "#5fd75f"
  red: "#ff5f5f"
  yellow: "#ffd75f"
  orange: "#ff8700"
  magenta: "#d75fd7"
  blue: "#5f87ff"
roles:
  text:          { fg: fg }
  muted:         { fg: gray }
  border:        { fg: gray }
  borderFocused: { fg: accent, bold: true }
  title:         { fg: fg }
  titleFocused:  { fg: accent, bold: true }
  header:        { fg: accent, bold: true, underline: true }
  selection:     { fg: black, bg: accent }
  toggleOn:      { fg: green, bold: true }
  toggleOff:     { fg: red }
  toggleUnknown: { fg: yellow, bold: true, underline: true }
  sevDebug:      { fg: gray }
  sevInfo:       { fg: blue }
  sevWarning:    { fg: yellow }
  sevError:      { fg: red, bold: true }
  sevCritical:   { fg: brightWhite, bg: red, bold: true }
  highlight:     { fg: black, bg: yellow }
  statusBar:     { fg: brightWhite, bg: panel }
  badgeReadOnly: { fg: black, bg: yellow, bold: true }
  badgePaused:   { fg: black, bg: orange, bold: true }
  badgeStale:    { fg: brightWhite, bg: red, bold: true }
  changedFlash:  { fg: black, bg: green }
  dialog:        { fg: brightWhite, bg: panel }
  dialogBorder:  { fg: accent, bold: true }
  input:         { fg: brightWhite, bg: "238", underline: true }
  error:         { fg: red, bold: true }
  tabActive:     { fg: black, bg: accent, bold: true }
  tabInactive:   { fg: gray }
"""#

    static let monochrome = #"""
# opsdeck monochrome theme: no colours at all, only bold, underline and reverse video, so it
# works on any terminal and with NO_COLOR. Meaning is carried by attributes and by the text.
name: monochrome
palette: {}
roles:
  text:          {}
  muted:         { dim: true }
  border:        {}
  borderFocused: { bold: true }
  title:         {}
  titleFocused:  { bold: true, reverse: true }
  header:        { bold: true, underline: true }
  selection:     { reverse: true }
  toggleOn:      { bold: true }
  toggleOff:     {}
  toggleUnknown: { bold: true, underline: true }
  sevDebug:      { dim: true }
  sevInfo:       {}
  sevWarning:    { bold: true }
  sevError:      { bold: true, underline: true }
  sevCritical:   { bold: true, reverse: true }
  highlight:     { underline: true, bold: true }
  statusBar:     { reverse: true }
  badgeReadOnly: { bold: true }
  badgePaused:   { bold: true }
  badgeStale:    { bold: true, underline: true }
  changedFlash:  { bold: true }
  dialog:        {}
  dialogBorder:  { bold: true }
  input:         { underline: true }
  error:         { bold: true, underline: true }
  tabActive:     { reverse: true, bold: true }
  tabInactive:   {}
"""#
}

// omegat_probe.groovy: runs inside OmegaT (console mode, --script=THIS) and writes one JSON
// document saying what OmegaT itself loaded, so tests do not have to trust its exit status
// (OmegaT 3.6 exits 0 even when a translation memory fails to load).
//
// Approach credited to the team's format-acceptance checks (FINDINGS.md, "OmegaT headless"):
// OmegaT runs a --script on the project events LOAD, COMPILE and CLOSE with the bindings
// `project` and `eventType`; at COMPILE the translations are final.
//
// Environment:
//   GLOSSARY_PROBE_OUT        file to write the JSON report to (required)
//   GLOSSARY_PROBE_GLOSSARIES glossary files to read with OmegaT's own readers, ':'-separated
// Report: {"events": [...], "project": {source, target}, "segments": [{source, translated,
// translation}], "memories": {name: [[source, translation], ...]}, "glossaries": {file:
// {"error": null|text, "entries": [[source, target, comment], ...]}}}
// Written for OmegaT 3.6 (Debian package omegat) with its Groovy 2.4.
import groovy.json.JsonOutput
import org.omegat.gui.glossary.GlossaryReaderCSV
import org.omegat.gui.glossary.GlossaryReaderTBX
import org.omegat.gui.glossary.GlossaryReaderTSV

def target = System.getenv('GLOSSARY_PROBE_OUT')
if (!target) { println 'glossary probe: GLOSSARY_PROBE_OUT is not set'; return }
def eventsFile = new File(target + '.events')
eventsFile.append(eventType.toString() + '\n', 'UTF-8')
if (eventType.toString() != 'COMPILE') return

def report = [events: eventsFile.readLines('UTF-8')]
def props = project.getProjectProperties()
report.project = [source: props.getSourceLanguage().toString(),
                  target: props.getTargetLanguage().toString()]

report.segments = project.getAllEntries().collect { entry ->
    def info = project.getTranslationInfo(entry)
    [source: entry.getSrcText(), translated: info.isTranslated(), translation: info.translation]
}

report.memories = [:]
project.getTransMemories().each { name, memory ->
    report.memories[new File(name.toString()).getName()] =
        memory.getEntries().collect { [it.source, it.translation] }
}

report.glossaries = [:]
(System.getenv('GLOSSARY_PROBE_GLOSSARIES') ?: '').split(':').findAll { it }.each { path ->
    def file = new File(path)
    def lower = file.getName().toLowerCase()
    def result = [error: null, entries: []]
    try {
        def entries = lower.endsWith('.tbx') ? GlossaryReaderTBX.read(file, false)
                    : lower.endsWith('.csv') ? GlossaryReaderCSV.read(file, false)
                    : GlossaryReaderTSV.read(file, false)
        if (entries == null) result.error = 'OmegaT does not read this file name as a glossary'
        else result.entries = entries.collect { [it.getSrcText(), it.getLocText(), it.getCommentText()] }
    } catch (Throwable t) {
        result.error = t.toString()
    }
    report.glossaries[file.getName()] = result
}

new File(target).setText(JsonOutput.toJson(report), 'UTF-8')

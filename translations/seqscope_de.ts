<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>Seqscope workbench: xLSTM vs Transformer scaling.</source>
        <translation>Seqscope-Workbench: Skalierung von xLSTM und Transformer im Vergleich.</translation>
    </message>
    <message>
        <source>Experiment database to open.</source>
        <translation>Zu öffnende Experimentdatenbank.</translation>
    </message>
    <message>
        <source>Render the window to a PNG file once its views have loaded, then exit.</source>
        <translation>Das Fenster nach dem Laden der Ansichten als PNG-Datei speichern und beenden.</translation>
    </message>
    <message>
        <source>View to show first (overview, loss, scaling, ...).</source>
        <translation>Zuerst angezeigte Ansicht (overview, loss, scaling, ...).</translation>
    </message>
    <message>
        <source>Window size for --screenshot, e.g. 1400x900.</source>
        <translation>Fenstergröße für --screenshot, z. B. 1400x900.</translation>
    </message>
    <message>
        <source>User interface language, e.g. de or en.</source>
        <translation>Sprache der Benutzeroberfläche, z. B. de oder en.</translation>
    </message>
    <message>
        <source>Colour theme: system, light or dark.</source>
        <translation>Farbschema: system, light oder dark.</translation>
    </message>
    <message>
        <source>Scaling view source: a dataset, runs, sweep:ID or tag:TAG.</source>
        <translation>Quelle der Skalierungsansicht: ein Datensatz, runs, sweep:ID oder tag:TAG.</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::MainWindow</name>
    <message>
        <source>Seqscope</source>
        <translation>Seqscope</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Database...</source>
        <translation>Datenbank ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Bereiche</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>&amp;System folgen</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Seqscope</source>
        <translation>Ü&amp;ber Seqscope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>Open Seqscope Database</source>
        <translation>Seqscope-Datenbank öffnen</translation>
    </message>
    <message>
        <source>Seqscope databases (*.db *.sqlite);;All files (*)</source>
        <translation>Seqscope-Datenbanken (*.db *.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>About Seqscope</source>
        <translation>Über Seqscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Seqscope %1&lt;/h3&gt;&lt;p&gt;A workbench for comparing sequence architectures - xLSTM (mLSTM blocks) against Transformers - after &lt;i&gt;xLSTM Scaling Laws: Competitive Performance with Linear Time-Complexity&lt;/i&gt; (Beck et al., arXiv 2510.02228).&lt;/p&gt;&lt;p&gt;Built-in data: the paper&apos;s released runs and Epoch AI&apos;s Chinchilla replication points (Besiroglu et al., arXiv 2404.10102).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Seqscope %1&lt;/h3&gt;&lt;p&gt;Eine Workbench zum Vergleich von Sequenzarchitekturen – xLSTM (mLSTM-Blöcke) gegenüber Transformern – nach &lt;i&gt;xLSTM Scaling Laws: Competitive Performance with Linear Time-Complexity&lt;/i&gt; (Beck et al., arXiv 2510.02228).&lt;/p&gt;&lt;p&gt;Mitgelieferte Daten: die veröffentlichten Läufe des Papers und die Chinchilla-Replikationspunkte von Epoch AI (Besiroglu et al., arXiv 2404.10102).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Runs</source>
        <translation>&amp;Läufe</translation>
    </message>
    <message>
        <source>&amp;New Run...</source>
        <translation>&amp;Neuer Lauf...</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::RunDetails</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>benutzerdefiniert</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Parameters N</source>
        <translation>Parameter N</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Asked for</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Tokens D (D/N)</source>
        <translation>Tokens D (D/N)</translation>
    </message>
    <message>
        <source>Training FLOPs C</source>
        <translation>Trainings-FLOPs C</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Held-out share</source>
        <translation>Validierungsanteil</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>%1 tokens every %2 steps</source>
        <translation>%1 Tokens alle %2 Schritte</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <source>Peak learning rate</source>
        <translation>Maximale Lernrate</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>%1 tokens (%2 sequences, %3 passes)</source>
        <translation>%1 Tokens (%2 Sequenzen, %3 Durchläufe)</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>Gradient clip</source>
        <translation>Gradienten-Clipping</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>Aufwärmphase</translation>
    </message>
    <message>
        <source>%1 steps, cosine to %2</source>
        <translation>%1 Schritte, Kosinus-Abfall auf %2</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Rechner</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>, bf16</source>
        <translation>, bf16</translation>
    </message>
    <message>
        <source>, fp32</source>
        <translation>, fp32</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Checkpoint every</source>
        <translation>Checkpoint alle</translation>
    </message>
    <message>
        <source>%1 steps</source>
        <translation>%1 Schritte</translation>
    </message>
    <message>
        <source>only on cancel</source>
        <translation>nur beim Abbrechen</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1, %2 parameters, context %3, status &lt;b&gt;%4&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1, %2 Parameter, Kontext %3, Status &lt;b&gt;%4&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Reason: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Grund: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Ran on %1 (pid %2)&lt;/p&gt;</source>
        <translation>&lt;p&gt;Lief auf %1 (PID %2)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Show as properties</source>
        <translation>Als Eigenschaften anzeigen</translation>
    </message>
    <message>
        <source>Show the raw JSON</source>
        <translation>Rohes JSON anzeigen</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::RunLauncher</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>Tokens D</source>
        <translation>Tokens D</translation>
    </message>
    <message>
        <source>Training FLOPs C</source>
        <translation>Trainings-FLOPs C</translation>
    </message>
    <message>
        <source>Tokens per parameter D/N</source>
        <translation>Tokens pro Parameter D/N</translation>
    </message>
    <message>
        <source>fortunes (built-in English corpus), synthetic:mqar, synthetic:selective-copy, a text file path, or tokens:PATH for uint16 token files</source>
        <translation>fortunes (eingebautes englisches Korpus), synthetic:mqar, synthetic:selective-copy, ein Textdateipfad oder tokens:PFAD für uint16-Token-Dateien</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Width d_model</source>
        <translation>Breite d_model</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>Heads</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Budget in</source>
        <translation>Budget in</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Peak learning rate</source>
        <translation>Maximale Lernrate</translation>
    </message>
    <message>
        <source>Tokens per step</source>
        <translation>Tokens pro Schritt</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>Laufname</translation>
    </message>
    <message>
        <source>&amp;Start Run</source>
        <translation>Lauf &amp;starten</translation>
    </message>
    <message>
        <source>%1 (CPU size)</source>
        <translation>%1 (CPU-Größe)</translation>
    </message>
    <message>
        <source>%1 (paper)</source>
        <translation>%1 (Paper)</translation>
    </message>
    <message>
        <source>Custom dimensions</source>
        <translation>Eigene Dimensionen</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>Heads (%1) must divide the width d_model (%2).</source>
        <translation>Die Breite d_model (%2) muss durch die Anzahl der Heads (%1) teilbar sein.</translation>
    </message>
    <message>
        <source>Budget &apos;%1&apos; is not a positive number (e.g. 2e5).</source>
        <translation>Budget „%1“ ist keine positive Zahl (z. B. 2e5).</translation>
    </message>
    <message>
        <source>Learning rate &apos;%1&apos; is not a positive number (e.g. 3e-3).</source>
        <translation>Lernrate „%1“ ist keine positive Zahl (z. B. 3e-3).</translation>
    </message>
    <message>
        <source>automatic (the paper&apos;s for the size)</source>
        <translation>automatisch (Wert des Papers für diese Größe)</translation>
    </message>
    <message>
        <source>probe failed: %1</source>
        <translation>Messung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>measuring one step...</source>
        <translation>ein Schritt wird gemessen...</translation>
    </message>
    <message>
        <source>%1 &lt;small&gt;(%2)&lt;/small&gt;</source>
        <translation>%1 &lt;small&gt;(%2)&lt;/small&gt;</translation>
    </message>
    <message>
        <source>%1 &lt;small&gt;(weights and gradients %2, optimizer %3, activations %4)&lt;/small&gt;</source>
        <translation>%1 &lt;small&gt;(Gewichte und Gradienten %2, Optimierer %3, Aktivierungen %4)&lt;/small&gt;</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <source>%1 + activations (%2)</source>
        <translation>%1 + Aktivierungen (%2)</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Parameters N&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FLOPs per token&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Steps &amp;times; tokens/step&lt;/td&gt;&lt;td align=right&gt;%3 &amp;times; %4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Tokens D (D/N)&lt;/td&gt;&lt;td align=right&gt;%5 (%6)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Training FLOPs C&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%7&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Peak learning rate&lt;/td&gt;&lt;td align=right&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Estimated time&lt;/td&gt;&lt;td align=right&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Estimated memory&lt;/td&gt;&lt;td align=right&gt;%10&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;Parameter N&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;FLOPs pro Token&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Schritte &amp;times; Tokens/Schritt&lt;/td&gt;&lt;td align=right&gt;%3 &amp;times; %4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Tokens D (D/N)&lt;/td&gt;&lt;td align=right&gt;%5 (%6)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Trainings-FLOPs C&lt;/td&gt;&lt;td align=right&gt;&lt;b&gt;%7&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Maximale Lernrate&lt;/td&gt;&lt;td align=right&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Geschätzte Zeit&lt;/td&gt;&lt;td align=right&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Geschätzter Speicher&lt;/td&gt;&lt;td align=right&gt;%10&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>%1 (imported: continue training)</source>
        <translation>%1 (importiert: weitertrainieren)</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::RunTableModel</name>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>divergiert</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>Val loss</source>
        <translation>Val.-Verlust</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::RunsController</name>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;%n runs selected; their curves are overlaid.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;%n Lauf ausgewählt; seine Kurven werden überlagert.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;%n Läufe ausgewählt; ihre Kurven werden überlagert.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Runs</source>
        <translation>Läufe löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run(s) and all their metrics? This cannot be undone.</source>
        <translation>
            <numerusform>%n Lauf und alle seine Metriken löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>%n Läufe und alle ihre Metriken löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Runs</source>
        <translation>Läufe exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Add Tag</source>
        <translation>Tag hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>Tag for %n run(s):</source>
        <translation>
            <numerusform>Tag für %n Lauf:</numerusform>
            <numerusform>Tag für %n Läufe:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>seqscope::gui::ScalingController</name>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: no fit (%2)&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: kein Fit (%2)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: %2 = %3 &amp;middot; C&lt;sup&gt;%4 &amp;plusmn; %5&lt;/sup&gt; from %6 budgets, %7 runs&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: %2 = %3 &amp;middot; C&lt;sup&gt;%4 &amp;plusmn; %5&lt;/sup&gt; aus %6 Budgets, %7 Läufen&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: %2 power law not fitted (%3)&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: Potenzgesetz für %2 nicht angepasst (%3)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>run #%1: N %2, D %3, C %4, loss %5</source>
        <translation>Lauf #%1: N %2, D %3, C %4, Verlust %5</translation>
    </message>
    <message>
        <source>your runs, T = %1</source>
        <translation>Ihre Läufe, T = %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;small&gt;Your runs are grouped into %1 budgets: a sweep&apos;s own budgets, other runs within &amp;plusmn;%2 % of a budget&apos;s compute.&lt;/small&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;small&gt;Ihre Läufe sind in %1 Budgets gruppiert: die eigenen Budgets eines Sweeps, andere Läufe innerhalb von &amp;plusmn;%2 % der Rechenmenge eines Budgets.&lt;/small&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::SweepDialog</name>
    <message>
        <source>IsoFLOP Sweep</source>
        <translation>IsoFLOP-Sweep</translation>
    </message>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>FLOP budgets</source>
        <translation>FLOP-Budgets</translation>
    </message>
    <message>
        <source>Contexts</source>
        <translation>Kontexte</translation>
    </message>
    <message>
        <source>Architectures</source>
        <translation>Architekturen</translation>
    </message>
    <message>
        <source>Sizes per budget</source>
        <translation>Größen je Budget</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Tokens D</source>
        <translation>Tokens D</translation>
    </message>
    <message>
        <source>D/N</source>
        <translation>D/N</translation>
    </message>
    <message>
        <source>Estimated time</source>
        <translation>Geschätzte Zeit</translation>
    </message>
    <message>
        <source>&amp;Start Sweep</source>
        <translation>Sweep &amp;starten</translation>
    </message>
    <message>
        <source>Budgets &apos;%1&apos; are not positive numbers separated by commas (e.g. 1e12,3e12).</source>
        <translation>Budgets „%1“ sind keine durch Kommas getrennten positiven Zahlen (z. B. 1e12,3e12).</translation>
    </message>
    <message>
        <source>Contexts &apos;%1&apos; are not positive whole numbers separated by commas.</source>
        <translation>Kontexte „%1“ sind keine durch Kommas getrennten positiven ganzen Zahlen.</translation>
    </message>
    <message>
        <source>d=%1 L=%2 H=%3</source>
        <translation>d=%1 L=%2 H=%3</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 runs (%2 runnable), %3 training FLOPs, about %4 min (%5).</source>
        <translation>%1 Läufe (%2 ausführbar), %3 Trainings-FLOPs, etwa %4 min (%5).</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::TrainingController</name>
    <message>
        <source>No database is open.</source>
        <translation>Keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <source>seqscope-cli was not found next to the workbench or on PATH; it trains the runs.</source>
        <translation>seqscope-cli wurde weder neben der Workbench noch im PATH gefunden; es trainiert die Läufe.</translation>
    </message>
    <message>
        <source>the training process crashed</source>
        <translation>der Trainingsprozess ist abgestürzt</translation>
    </message>
    <message>
        <source>the training process exited with status %1</source>
        <translation>der Trainingsprozess wurde mit Status %1 beendet</translation>
    </message>
</context>
<context>
    <name>seqscope::gui::Workbench</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <source>Loss Curves</source>
        <translation>Verlustkurven</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>New Run</source>
        <translation>Neuer Lauf</translation>
    </message>
    <message>
        <source>Run #%1 was not started here; stop it where it runs (Ctrl-C).</source>
        <translation>Lauf #%1 wurde nicht hier gestartet; beenden Sie ihn dort, wo er läuft (Strg+C).</translation>
    </message>
    <message>
        <source>Run #%1 finished</source>
        <translation>Lauf #%1 abgeschlossen</translation>
    </message>
    <message>
        <source>Run #%1 %2: %3</source>
        <translation>Lauf #%1 %2: %3</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) training</source>
        <translation>
            <numerusform>%n Lauf trainiert</numerusform>
            <numerusform>%n Läufe trainieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot Open Database</source>
        <translation>Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot open &apos;%1&apos;: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot Start Run</source>
        <translation>Lauf kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>Run #%1 queued</source>
        <translation>Lauf #%1 eingereiht</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Gradient norm</source>
        <translation>Gradientennorm</translation>
    </message>
    <message>
        <source>Throughput (tokens/s)</source>
        <translation>Durchsatz (Tokens/s)</translation>
    </message>
    <message>
        <source>Model FLOPs utilisation</source>
        <translation>Modell-FLOPs-Auslastung</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Metrik:</translation>
    </message>
    <message>
        <source>Select runs in the Runs panel to overlay their curves.</source>
        <translation>Wählen Sie im Bereich „Läufe“ Läufe aus, um ihre Kurven zu überlagern.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 (%3 rows)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 (%3 Zeilen)</translation>
    </message>
    <message>
        <source>%1 (%2 GiB)</source>
        <translation>%1 (%2 GiB)</translation>
    </message>
    <message>
        <source>IsoFLOP &amp;Sweep...</source>
        <translation>IsoFLOP-&amp;Sweep...</translation>
    </message>
    <message>
        <source>Cannot Start Sweep</source>
        <translation>Sweep kann nicht gestartet werden</translation>
    </message>
    <message numerus="yes">
        <source>Sweep of %n run(s) queued</source>
        <translation>
            <numerusform>Sweep mit %n Lauf eingereiht</numerusform>
            <numerusform>Sweep mit %n Läufen eingereiht</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Cancel Running Sweep</source>
        <translation>Laufenden Sweep a&amp;bbrechen</translation>
    </message>
    <message>
        <source>No sweep is running.</source>
        <translation>Es läuft kein Sweep.</translation>
    </message>
    <message>
        <source>Inference</source>
        <translation>Inferenz</translation>
    </message>
    <message>
        <source>Source: xLSTM Scaling Laws release (Beck et al., arXiv 2510.02228), NVIDIA H100, bfloat16; failed or out-of-memory points are not drawn.</source>
        <translation>Quelle: Veröffentlichung zu xLSTM Scaling Laws (Beck et al., arXiv 2510.02228), NVIDIA H100, bfloat16; fehlgeschlagene Punkte und Punkte ohne Speicher werden nicht gezeichnet.</translation>
    </message>
    <message>
        <source>Runs at &amp;Once</source>
        <translation>&amp;Gleichzeitige Läufe</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) at once</source>
        <translation>
            <numerusform>%n Lauf gleichzeitig</numerusform>
            <numerusform>%n Läufe gleichzeitig</numerusform>
        </translation>
    </message>
    <message>
        <source>Run #%1 has made no progress for %2 s</source>
        <translation>Lauf #%1 macht seit %2 s keinen Fortschritt</translation>
    </message>
    <message>
        <source>Run Not Progressing</source>
        <translation>Lauf kommt nicht voran</translation>
    </message>
    <message>
        <source>Run #%1 has stored no new metrics for %2 seconds. Its worker may hang. Cancel the run? (It checkpoints first when it can.)</source>
        <translation>Lauf #%1 hat seit %2 Sekunden keine neuen Metriken gespeichert. Sein Worker hängt möglicherweise. Lauf abbrechen? (Er speichert vorher einen Checkpoint, wenn er kann.)</translation>
    </message>
    <message>
        <source>Cancel Run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <source>Keep Waiting</source>
        <translation>Weiter warten</translation>
    </message>
    <message>
        <source>Measuring %1 at 64, 256 and 1024 tokens...</source>
        <translation>Messe %1 bei 64, 256 und 1024 Tokens...</translation>
    </message>
    <message>
        <source>%1 measured; its points are in this database.</source>
        <translation>%1 gemessen; die Punkte stehen in dieser Datenbank.</translation>
    </message>
    <message>
        <source>Benchmark of %1 failed: %2</source>
        <translation>Benchmark von %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::FrontierChartView</name>
    <message>
        <source>Compute-optimal N*</source>
        <translation>Rechenoptimales N*</translation>
    </message>
    <message>
        <source>Compute-optimal frontier</source>
        <translation>Rechenoptimale Grenze</translation>
    </message>
    <message>
        <source>Training compute C (FLOPs)</source>
        <translation>Trainingsrechenaufwand C (FLOPs)</translation>
    </message>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1: a = %2</source>
        <translation>%1: a = %2</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::InferenceView</name>
    <message>
        <source>Paper: NVIDIA H100 measurements</source>
        <translation>Paper: Messungen auf NVIDIA H100</translation>
    </message>
    <message>
        <source>This database: seqscope-cli bench inference</source>
        <translation>Diese Datenbank: seqscope-cli bench inference</translation>
    </message>
    <message>
        <source>Decode step time</source>
        <translation>Zeit je Dekodierschritt</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>Zeit bis zum ersten Token</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>Daten:</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Metrik:</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>Batch:</translation>
    </message>
    <message>
        <source>Decode step time (ms per token)</source>
        <translation>Zeit je Dekodierschritt (ms pro Token)</translation>
    </message>
    <message>
        <source>Time to first token (ms)</source>
        <translation>Zeit bis zum ersten Token (ms)</translation>
    </message>
    <message>
        <source>%1: %2&amp;times;</source>
        <translation>%1: %2&amp;times;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Transformer / xLSTM&lt;/b&gt; (%1 vs %2), by prefill length: %3</source>
        <translation>&lt;b&gt;Transformer / xLSTM&lt;/b&gt; (%1 gegen %2), nach Prefill-Länge: %3</translation>
    </message>
    <message>
        <source>The built-in measurements could not be loaded.</source>
        <translation>Die eingebauten Messungen konnten nicht geladen werden.</translation>
    </message>
    <message>
        <source>No benchmark points yet: run &lt;tt&gt;seqscope-cli bench inference --arch xlstm,transformer --preset 10m&lt;/tt&gt; on this database.</source>
        <translation>Noch keine Benchmark-Punkte: Führen Sie &lt;tt&gt;seqscope-cli bench inference --arch xlstm,transformer --preset 10m&lt;/tt&gt; auf dieser Datenbank aus.</translation>
    </message>
    <message>
        <source>Benchmark on This Machine</source>
        <translation>Auf diesem Rechner messen</translation>
    </message>
    <message>
        <source>Imported model:</source>
        <translation>Importiertes Modell:</translation>
    </message>
    <message>
        <source>&lt;small&gt;Import one with &lt;tt&gt;seqscope-cli model import DIR&lt;/tt&gt; to measure a real model.&lt;/small&gt;</source>
        <translation>&lt;small&gt;Mit &lt;tt&gt;seqscope-cli model import DIR&lt;/tt&gt; ein Modell importieren, um ein echtes Modell zu messen.&lt;/small&gt;</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::IsoflopChartView</name>
    <message>
        <source>Parameters N</source>
        <translation>Parameter N</translation>
    </message>
    <message>
        <source>IsoFLOP profiles</source>
        <translation>IsoFLOP-Profile</translation>
    </message>
    <message>
        <source>Final validation loss (nats/token)</source>
        <translation>Finaler Validierungsverlust (nats/Token)</translation>
    </message>
    <message>
        <source>%1 (yours)</source>
        <translation>%1 (Ihre)</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::LatencyChartView</name>
    <message>
        <source>Milliseconds</source>
        <translation>Millisekunden</translation>
    </message>
    <message>
        <source>Latency against context</source>
        <translation>Latenz über der Kontextlänge</translation>
    </message>
    <message>
        <source>Prefill length (tokens)</source>
        <translation>Prefill-Länge (Tokens)</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::LossChartCanvas</name>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Training FLOPs</source>
        <translation>Trainings-FLOPs</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Time since start</source>
        <translation>Zeit seit Start</translation>
    </message>
    <message>
        <source>No runs to show.
Select runs in the run browser or start one from the launcher;
their curves appear here while they train.</source>
        <translation>Keine Läufe anzuzeigen.
Wählen Sie Läufe im Laufbrowser aus oder starten Sie einen über „Neuer Lauf“;
ihre Kurven erscheinen hier während des Trainings.</translation>
    </message>
    <message>
        <source> (log scale)</source>
        <translation> (log. Skala)</translation>
    </message>
    <message numerus="yes">
        <source> (%n clipped)</source>
        <translation>
            <numerusform> (%n abgeschnitten)</numerusform>
            <numerusform> (%n abgeschnitten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>raw %1</source>
        <translation>roh %1</translation>
    </message>
    <message>
        <source>  (pinned; Esc releases)</source>
        <translation>  (fixiert; Esc löst)</translation>
    </message>
    <message>
        <source> · no run has data here</source>
        <translation> · kein Lauf hat hier Daten</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::LossChartToolbar</name>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Time since start</source>
        <translation>Zeit seit Start</translation>
    </message>
    <message>
        <source>Quantity on the x axis</source>
        <translation>Größe auf der x-Achse</translation>
    </message>
    <message>
        <source>log x</source>
        <translation>log x</translation>
    </message>
    <message>
        <source>Logarithmic x axis; points at x ≤ 0 (e.g. step 0) are not drawn</source>
        <translation>Logarithmische x-Achse; Punkte mit x ≤ 0 (z. B. Schritt 0) werden nicht gezeichnet</translation>
    </message>
    <message>
        <source>log y</source>
        <translation>log y</translation>
    </message>
    <message>
        <source>Logarithmic y axis; smoothing then runs on log values</source>
        <translation>Logarithmische y-Achse; die Glättung erfolgt dann auf den logarithmierten Werten</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>EMA (debiased)</source>
        <translation>EMA (bias-korrigiert)</translation>
    </message>
    <message>
        <source>Running average</source>
        <translation>Gleitender Mittelwert</translation>
    </message>
    <message>
        <source>Centred average (non-causal)</source>
        <translation>Zentrierter Mittelwert (nicht kausal)</translation>
    </message>
    <message>
        <source>Smoothing is computed on every logged point before the curve is decimated, so it does not change with zoom or run length</source>
        <translation>Die Glättung wird auf allen protokollierten Punkten berechnet, bevor die Kurve ausgedünnt wird; sie ändert sich daher weder mit dem Zoom noch mit der Lauflänge</translation>
    </message>
    <message>
        <source>EMA weight: 0 = none, 0.999 = strongest</source>
        <translation>EMA-Gewicht: 0 = keine, 0,999 = stärkste</translation>
    </message>
    <message>
        <source> pts</source>
        <translation> Pkt.</translation>
    </message>
    <message>
        <source>Averaging window in logged points</source>
        <translation>Mittelungsfenster in protokollierten Punkten</translation>
    </message>
    <message>
        <source>raw</source>
        <translation>roh</translation>
    </message>
    <message>
        <source>Draw the raw values faded behind the smoothed line</source>
        <translation>Rohwerte blass hinter der geglätteten Linie zeichnen</translation>
    </message>
    <message>
        <source>Auto (robust)</source>
        <translation>Auto (robust)</translation>
    </message>
    <message>
        <source>Auto (all data)</source>
        <translation>Auto (alle Daten)</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Robust: each run&apos;s 1st–99th percentile of what is drawn plus its latest value; no run is ever pushed out of view. Clipped points are marked at the edge.</source>
        <translation>Robust: je Lauf das 1.–99. Perzentil des Gezeichneten plus sein letzter Wert; kein Lauf wird je aus dem sichtbaren Bereich gedrängt. Abgeschnittene Punkte werden am Rand markiert.</translation>
    </message>
    <message>
        <source>Lower y limit (data units)</source>
        <translation>Untere y-Grenze (Dateneinheiten)</translation>
    </message>
    <message>
        <source>Upper y limit (data units)</source>
        <translation>Obere y-Grenze (Dateneinheiten)</translation>
    </message>
    <message>
        <source>all points</source>
        <translation>alle Punkte</translation>
    </message>
    <message>
        <source>Draw every point instead of the per-pixel min/max envelope (slow for long runs; the envelope already shows the same pixels)</source>
        <translation>Jeden Punkt zeichnen statt der Min/Max-Hülle pro Pixel (langsam bei langen Läufen; die Hülle zeigt bereits dieselben Pixel)</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <source>Fit all data (Home, or double-click the chart)</source>
        <translation>Alle Daten einpassen (Pos1 oder Doppelklick auf das Diagramm)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Image (PNG)…</source>
        <translation>Bild (PNG)…</translation>
    </message>
    <message>
        <source>Vector image (SVG)…</source>
        <translation>Vektorgrafik (SVG)…</translation>
    </message>
    <message>
        <source>Plotted data as shown (CSV)…</source>
        <translation>Gezeichnete Daten wie angezeigt (CSV)…</translation>
    </message>
    <message>
        <source>Full-resolution raw data (CSV)…</source>
        <translation>Rohdaten in voller Auflösung (CSV)…</translation>
    </message>
    <message>
        <source>Copy readout</source>
        <translation>Werteanzeige kopieren</translation>
    </message>
    <message>
        <source>x:</source>
        <translation>x:</translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation>Glättung:</translation>
    </message>
    <message>
        <source>y:</source>
        <translation>y:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Lower y limit “%1” is not a number</source>
        <translation>Untere y-Grenze „%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>Upper y limit “%1” is not a number</source>
        <translation>Obere y-Grenze „%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>Invalid y range: %1</source>
        <translation>Ungültiger y-Bereich: %1</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::LossChartView</name>
    <message>
        <source>Drag: zoom to box · Shift+drag or middle drag: pan · Wheel: zoom x (Ctrl+wheel: y)
Arrow keys: pan · +/−: zoom x · Home or double-click: reset view
Click: pin the readout (Esc releases) · Ctrl+C or right-click: copy the readout
Click a legend entry to hide or show that run</source>
        <translation>Ziehen: auf Rechteck zoomen · Umschalt+Ziehen oder Ziehen mit mittlerer Taste: verschieben · Mausrad: x zoomen (Strg+Mausrad: y)
Pfeiltasten: verschieben · +/−: x zoomen · Pos1 oder Doppelklick: Ansicht zurücksetzen
Klick: Werteanzeige fixieren (Esc löst) · Strg+C oder Rechtsklick: Werteanzeige kopieren
Klick auf einen Legendeneintrag blendet den Lauf aus oder ein</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Export chart as SVG</source>
        <translation>Diagramm als SVG exportieren</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>Export plotted data</source>
        <translation>Gezeichnete Daten exportieren</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
    <message>
        <source>Export full-resolution data</source>
        <translation>Daten in voller Auflösung exportieren</translation>
    </message>
    <message>
        <source>No runs selected</source>
        <translation>Keine Läufe ausgewählt</translation>
    </message>
    <message>
        <source>%1 of %2 runs shown</source>
        <translation>%1 von %2 Läufen angezeigt</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 points in view</source>
        <translation>%1 Punkte sichtbar</translation>
    </message>
    <message>
        <source>every point drawn</source>
        <translation>alle Punkte gezeichnet</translation>
    </message>
    <message>
        <source>min/max envelope: up to %1 points per pixel column, %2 drawn</source>
        <translation>Min/Max-Hülle: bis zu %1 Punkte pro Pixelspalte, %2 gezeichnet</translation>
    </message>
    <message>
        <source>no decimation needed</source>
        <translation>keine Ausdünnung nötig</translation>
    </message>
    <message>
        <source>%1 outside the y range (marked at the edge)</source>
        <translation>%1 außerhalb des y-Bereichs (am Rand markiert)</translation>
    </message>
    <message>
        <source>%1 not drawable (non-finite, or ≤ 0 on a log axis)</source>
        <translation>%1 nicht darstellbar (nicht endlich oder ≤ 0 auf log. Achse)</translation>
    </message>
    <message>
        <source>%1 non-finite values not drawn</source>
        <translation>%1 nicht endliche Werte nicht gezeichnet</translation>
    </message>
    <message>
        <source>zoomed: Home or double-click resets</source>
        <translation>gezoomt: Pos1 oder Doppelklick setzt zurück</translation>
    </message>
    <message>
        <source>drag to zoom, Shift+drag to pan, click to pin</source>
        <translation>Ziehen zoomt, Umschalt+Ziehen verschiebt, Klick fixiert</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Seqscope loss curves</source>
        <translation>Seqscope-Verlustkurven</translation>
    </message>
    <message>
        <source>%1 against %2; line: %3</source>
        <translation>%1 über %2; Linie: %3</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Copy readout</source>
        <translation>Werteanzeige kopieren</translation>
    </message>
    <message>
        <source>Release pinned readout</source>
        <translation>Fixierte Werteanzeige lösen</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <source>Show all runs</source>
        <translation>Alle Läufe anzeigen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Image (PNG)…</source>
        <translation>Bild (PNG)…</translation>
    </message>
    <message>
        <source>Vector image (SVG)…</source>
        <translation>Vektorgrafik (SVG)…</translation>
    </message>
    <message>
        <source>Plotted data as shown (CSV)…</source>
        <translation>Gezeichnete Daten wie angezeigt (CSV)…</translation>
    </message>
    <message>
        <source>Full-resolution raw data (CSV)…</source>
        <translation>Rohdaten in voller Auflösung (CSV)…</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::OverviewView</name>
    <message>
        <source>&lt;h2&gt;Seqscope&lt;/h2&gt;&lt;p&gt;Compare xLSTM and Transformer scaling: train small models, fit IsoFLOP parabolas and parametric laws, and benchmark inference against context length.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Seqscope&lt;/h2&gt;&lt;p&gt;Skalierung von xLSTM und Transformer vergleichen: kleine Modelle trainieren, IsoFLOP-Parabeln und parametrische Gesetze anpassen und die Inferenz in Abhängigkeit von der Kontextlänge messen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>Dieser Rechner</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Erste Schritte</translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;Open the &lt;b&gt;Scaling&lt;/b&gt; view to see the paper&apos;s IsoFLOP runs and fits.&lt;/li&gt;&lt;li&gt;Start a tiny run from &lt;b&gt;Runs &amp;rarr; New Run&lt;/b&gt; on the built-in corpus and watch its loss curve grow.&lt;/li&gt;&lt;li&gt;Select several runs in the run browser to overlay their curves.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Everything is stored in the database shown on the left; the command-line tool &lt;tt&gt;seqscope-cli&lt;/tt&gt; reads and writes the same file.&lt;/p&gt;</source>
        <translation>&lt;ol&gt;&lt;li&gt;Öffnen Sie die Ansicht &lt;b&gt;Skalierung&lt;/b&gt;, um die IsoFLOP-Läufe und Fits des Papers zu sehen.&lt;/li&gt;&lt;li&gt;Starten Sie über &lt;b&gt;Läufe &amp;rarr; Neuer Lauf&lt;/b&gt; einen kleinen Lauf auf dem eingebauten Korpus und verfolgen Sie, wie seine Verlustkurve wächst.&lt;/li&gt;&lt;li&gt;Wählen Sie im Laufbrowser mehrere Läufe aus, um ihre Kurven zu überlagern.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Alles wird in der links angezeigten Datenbank gespeichert; das Kommandozeilenwerkzeug &lt;tt&gt;seqscope-cli&lt;/tt&gt; liest und schreibt dieselbe Datei.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>&lt;p&gt;Database: &lt;tt&gt;%1&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Runs: %2 (%3 running)&lt;/p&gt;&lt;p&gt;Reference datasets:&lt;br&gt;%4&lt;/p&gt;</source>
        <translation>&lt;p&gt;Datenbank: &lt;tt&gt;%1&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Läufe: %2 (%3 laufend)&lt;/p&gt;&lt;p&gt;Referenzdatensätze:&lt;br&gt;%4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>no CUDA device; training and benchmarks run on the CPU</source>
        <translation>kein CUDA-Gerät; Training und Benchmarks laufen auf der CPU</translation>
    </message>
    <message>
        <source>&lt;p&gt;LibTorch %1, %2 CPU threads&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;Seqscope mLSTM CUDA kernels: %4&lt;/p&gt;</source>
        <translation>&lt;p&gt;LibTorch %1, %2 CPU-Threads&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;Seqscope-mLSTM-CUDA-Kernel: %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>built</source>
        <translation>kompiliert</translation>
    </message>
    <message>
        <source>not built</source>
        <translation>nicht kompiliert</translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::RunBrowser</name>
    <message>
        <source>Filter runs by name, architecture, status or tag</source>
        <translation>Läufe nach Name, Architektur, Status oder Tag filtern</translation>
    </message>
    <message>
        <source>Select a run to see its configuration.</source>
        <translation>Wählen Sie einen Lauf aus, um seine Konfiguration zu sehen.</translation>
    </message>
    <message>
        <source>Delete Selected Runs</source>
        <translation>Ausgewählte Läufe löschen</translation>
    </message>
    <message>
        <source>Cancel Training</source>
        <translation>Training abbrechen</translation>
    </message>
    <message>
        <source>Add Tag...</source>
        <translation>Tag hinzufügen...</translation>
    </message>
    <message>
        <source>Export as JSON...</source>
        <translation>Als JSON exportieren...</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Run(s)</source>
        <translation>
            <numerusform>%n Lauf löschen</numerusform>
            <numerusform>%n Läufe löschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>seqscope::widgets::ScalingView</name>
    <message>
        <source>IsoFLOP, context %1</source>
        <translation>IsoFLOP, Kontext %1</translation>
    </message>
    <message>
        <source> (Chinchilla attention FLOPs)</source>
        <translation> (Attention-FLOPs nach Chinchilla)</translation>
    </message>
    <message>
        <source> (batch-size ablation)</source>
        <translation> (Batchgrößen-Ablation)</translation>
    </message>
    <message>
        <source>Token/parameter ratios, context %1</source>
        <translation>Token/Parameter-Verhältnisse, Kontext %1</translation>
    </message>
    <message>
        <source>Parameters N</source>
        <translation>Parameter N</translation>
    </message>
    <message>
        <source>Training tokens D</source>
        <translation>Trainings-Tokens D</translation>
    </message>
    <message>
        <source>xLSTM</source>
        <translation>xLSTM</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>Include runs the paper&apos;s filters drop</source>
        <translation>Vom Paper gefilterte Läufe einbeziehen</translation>
    </message>
    <message>
        <source>Paper&apos;s budget range for the power law</source>
        <translation>Budgetbereich des Papers für das Potenzgesetz</translation>
    </message>
    <message>
        <source>Experiment:</source>
        <translation>Experiment:</translation>
    </message>
    <message>
        <source>x axis:</source>
        <translation>x-Achse:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot load the scaling data:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Skalierungsdaten können nicht geladen werden:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Fit N*(C) and D*(C) over budgets from %1 to %2 FLOPs, as the paper does; budgets outside are drawn hollow.</source>
        <translation>N*(C) und D*(C) wie im Paper über Budgets von %1 bis %2 FLOPs anpassen; Budgets außerhalb werden ungefüllt gezeichnet.</translation>
    </message>
    <message>
        <source>Compute-optimal D*</source>
        <translation>Rechenoptimales D*</translation>
    </message>
    <message>
        <source>Compute-optimal N*</source>
        <translation>Rechenoptimales N*</translation>
    </message>
    <message>
        <source>No runs in this selection.</source>
        <translation>Keine Läufe in dieser Auswahl.</translation>
    </message>
    <message>
        <source>With your runs</source>
        <translation>Mit Ihren Läufen</translation>
    </message>
    <message>
        <source>Draw this database&apos;s finished runs beside the source&apos;s, fitted as series of their own</source>
        <translation>Die abgeschlossenen Läufe dieser Datenbank neben denen der Quelle zeichnen, als eigene Reihen angepasst</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Data: %1. Stars mark each budget&apos;s fitted minimum; circles are xLSTM runs, squares Transformer runs; your own runs are drawn hollow (triangles); hollow frontier points lie outside the power law&apos;s budget range.</source>
        <translation>Daten: %1. Sterne markieren das angepasste Minimum jedes Budgets; Kreise sind xLSTM-Läufe, Quadrate Transformer-Läufe; Ihre eigenen Läufe sind hohl gezeichnet (Dreiecke); hohle Frontpunkte liegen außerhalb des Budgetbereichs des Potenzgesetzes.</translation>
    </message>
    <message>
        <source>Fitting...</source>
        <translation>Anpassung läuft...</translation>
    </message>
</context>
</TS>

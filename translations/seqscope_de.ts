<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>Seqscope workbench: xLSTM vs Transformer scaling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment database to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the window to a PNG file once its views have loaded, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View to show first (overview, loss, scaling, ...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size for --screenshot, e.g. 1400x900.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User interface language, e.g. de or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour theme: system, light or dark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>seqscope::gui::MainWindow</name>
    <message>
        <source>Seqscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Database...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Seqscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Seqscope Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seqscope databases (*.db *.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Seqscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Seqscope %1&lt;/h3&gt;&lt;p&gt;A workbench for comparing sequence architectures - xLSTM (mLSTM blocks) against Transformers - after &lt;i&gt;xLSTM Scaling Laws: Competitive Performance with Linear Time-Complexity&lt;/i&gt; (Beck et al., arXiv 2510.02228).&lt;/p&gt;&lt;p&gt;Built-in data: the paper&apos;s released runs and Epoch AI&apos;s Chinchilla replication points (Besiroglu et al., arXiv 2404.10102).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>seqscope::gui::OverviewView</name>
    <message>
        <source>&lt;h2&gt;Seqscope&lt;/h2&gt;&lt;p&gt;Compare xLSTM and Transformer scaling: train small models, fit IsoFLOP parabolas and parametric laws, and benchmark inference against context length.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;Open the &lt;b&gt;Scaling&lt;/b&gt; view to see the paper&apos;s IsoFLOP runs and fits.&lt;/li&gt;&lt;li&gt;Start a tiny run from &lt;b&gt;Runs &amp;rarr; New Run&lt;/b&gt; on the built-in corpus and watch its loss curve grow.&lt;/li&gt;&lt;li&gt;Select several runs in the run browser to overlay their curves.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Everything is stored in the database shown on the left; the command-line tool &lt;tt&gt;seqscope-cli&lt;/tt&gt; reads and writes the same file.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Database: &lt;tt&gt;%1&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Runs: %2 (%3 running)&lt;/p&gt;&lt;p&gt;Reference datasets:&lt;br&gt;%4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no CUDA device; training and benchmarks run on the CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;LibTorch %1, %2 CPU threads&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;Seqscope mLSTM CUDA kernels: %4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not built</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

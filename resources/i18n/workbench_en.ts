<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ComparisonLauncher</name>
    <message numerus="yes">
        <source>The comparison shows two to four articles; the selection “{name}” has %Ln.</source>
        <translation>
            <numerusform>The comparison shows two to four articles; the selection “{name}” has %Ln.</numerusform>
            <numerusform>The comparison shows two to four articles; the selection “{name}” has %Ln.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more are missing from the corpus.</source>
        <translation>
            <numerusform>%Ln more is missing from the corpus.</numerusform>
            <numerusform>%Ln more are missing from the corpus.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConcordanceView</name>
    <message numerus="yes">
        <source>from %Ln articles</source>
        <translation>
            <numerusform>from %Ln article</numerusform>
            <numerusform>from %Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lines</source>
        <translation>
            <numerusform>%Ln line</numerusform>
            <numerusform>%Ln lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>The current &amp;results (%Ln articles)</source>
        <translation>
            <numerusform>The current &amp;results (%Ln article)</numerusform>
            <numerusform>The current &amp;results (%Ln articles)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln articles to {file} in {seconds} s.</source>
        <translation>
            <numerusform>Exported %Ln article to {file} in {seconds} s.</numerusform>
            <numerusform>Exported %Ln articles to {file} in {seconds} s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them are missing from the corpus (exported as remembered).</source>
        <translation>
            <numerusform>%Ln of them is missing from the corpus (exported as remembered).</numerusform>
            <numerusform>%Ln of them are missing from the corpus (exported as remembered).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cells that began like a formula (=, +, -, @) kept as text</source>
        <translation>
            <numerusform>%Ln cell that began like a formula (=, +, -, @) kept as text</numerusform>
            <numerusform>%Ln cells that began like a formula (=, +, -, @) kept as text</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln texts too long for one cell continued in the next columns</source>
        <translation>
            <numerusform>%Ln text too long for one cell continued in the next columns</numerusform>
            <numerusform>%Ln texts too long for one cell continued in the next columns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln characters a spreadsheet cannot hold removed</source>
        <translation>
            <numerusform>%Ln character a spreadsheet cannot hold removed</numerusform>
            <numerusform>%Ln characters a spreadsheet cannot hold removed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IndexStatus</name>
    <message numerus="yes">
        <source>%Ln articles</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IndexingPanel</name>
    <message numerus="yes">
        <source>Skipped files: %Ln</source>
        <translation>
            <numerusform>Skipped files: %Ln</numerusform>
            <numerusform>Skipped files: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Files with warnings: %Ln</source>
        <translation>
            <numerusform>Files with warnings: %Ln</numerusform>
            <numerusform>Files with warnings: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of ~%Ln articles</source>
        <translation>
            <numerusform>{done} of ~%Ln article</numerusform>
            <numerusform>{done} of ~%Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln articles</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln files could not be indexed; see the list of skipped files below.</source>
        <translation>
            <numerusform>%Ln file could not be indexed; see the list of skipped files below.</numerusform>
            <numerusform>%Ln files could not be indexed; see the list of skipped files below.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Indexing was cancelled. The %Ln articles indexed so far can be searched; update the index to finish.</source>
        <translation>
            <numerusform>Indexing was cancelled. The %Ln article indexed so far can be searched; update the index to finish.</numerusform>
            <numerusform>Indexing was cancelled. The %Ln articles indexed so far can be searched; update the index to finish.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln articles listed, newest first</source>
        <translation>
            <numerusform>%Ln article listed</numerusform>
            <numerusform>%Ln articles listed, newest first</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln articles listed</source>
        <translation>
            <numerusform>%Ln article listed</numerusform>
            <numerusform>%Ln articles listed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln articles match “{query}”</source>
        <translation>
            <numerusform>%Ln article matches “{query}”</numerusform>
            <numerusform>%Ln articles match “{query}”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>Every article: %Ln</source>
        <translation>
            <numerusform>Every article: %Ln</numerusform>
            <numerusform>Every article: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln articles</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelectionsPanel</name>
    <message numerus="yes">
        <source>%Ln articles</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceFilterButton</name>
    <message numerus="yes">
        <source>%Ln sources</source>
        <translation>
            <numerusform>%Ln source</numerusform>
            <numerusform>%Ln sources</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message numerus="yes">
        <source>None of these %Ln articles has a date</source>
        <translation>
            <numerusform>This article has no date</numerusform>
            <numerusform>None of these %Ln articles has a date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>highest bar: %Ln articles</source>
        <translation>
            <numerusform>highest bar: %Ln article</numerusform>
            <numerusform>highest bar: %Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln articles</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
</context>
</TS>
